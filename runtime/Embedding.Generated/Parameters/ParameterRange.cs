namespace Embedding.Generated.Parameters;

/// <summary>One checked numeric parameter of a component's constructor: its name as the constructor spells it, and its range.</summary>
internal sealed class ParameterRange
{
    /// <summary>Describes the parameter.</summary>
    public ParameterRange(string name, NumberRange range)
    {
        Name = name;
        Range = range;
    }

    /// <summary>The constructor parameter's name, which the runtime's exceptions and EMB008 print.</summary>
    public string Name { get; }

    /// <summary>The values it accepts.</summary>
    public NumberRange Range { get; }
}
