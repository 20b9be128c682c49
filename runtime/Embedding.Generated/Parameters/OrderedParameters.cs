namespace Embedding.Generated.Parameters;

/// <summary>Two parameters of one component where <see cref="Lower"/> must not exceed <see cref="Upper"/>.</summary>
internal sealed class OrderedParameters
{
    /// <summary>Describes the pair.</summary>
    public OrderedParameters(ParameterRange lower, ParameterRange upper)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The parameter that must be the smaller or equal one; the one an error is about.</summary>
    public ParameterRange Lower { get; }

    /// <summary>The parameter that must be the larger or equal one.</summary>
    public ParameterRange Upper { get; }
}
