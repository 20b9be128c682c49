using System.Collections.Generic;

namespace Embedding.Generated.Parameters;

/// <summary>The checked parameters of one runtime component, and the pair of them that must be in order, if any.</summary>
internal sealed class ComponentRanges
{
    /// <summary>Describes the component.</summary>
    public ComponentRanges(string metadataName, IReadOnlyList<ParameterRange> parameters, OrderedParameters? order = null)
    {
        MetadataName = metadataName;
        Parameters = parameters;
        Order = order;
    }

    /// <summary>The component's full metadata name, e.g. <c>Embedding.Generated.Optimizers.Adam</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The type's name without its namespace, as messages print it.</summary>
    public string Name => MetadataName.Substring(MetadataName.LastIndexOf('.') + 1);

    /// <summary>The checked parameters of its constructor.</summary>
    public IReadOnlyList<ParameterRange> Parameters { get; }

    /// <summary>Two parameters of which the first must not exceed the second, or null.</summary>
    public OrderedParameters? Order { get; }

    /// <summary>The checked parameter called <paramref name="name"/>, or null when that parameter is not checked.</summary>
    public ParameterRange? Find(string name)
    {
        foreach (ParameterRange parameter in Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }
}
