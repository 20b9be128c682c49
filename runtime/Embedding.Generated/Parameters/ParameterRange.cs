namespace Embedding.Generated.Parameters;

/// <summary>One checked numeric parameter of a component's constructor.</summary>
/// <param name="Name">The constructor parameter's name, by which the analyzer matches an argument, and which the runtime's exceptions and EMB008 print.</param>
/// <param name="Range">The values it accepts.</param>
internal sealed record ParameterRange(string Name, NumberRange Range);
