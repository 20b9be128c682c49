namespace Embedding.Generated.Parameters;

/// <summary>Two parameters of one component where <paramref name="Lower"/> must not exceed <paramref name="Upper"/>.</summary>
/// <param name="Lower">The parameter that must be the smaller or equal one; the one an error is about.</param>
/// <param name="Upper">The parameter that must be the larger or equal one.</param>
internal sealed record OrderedParameters(ParameterRange Lower, ParameterRange Upper);
