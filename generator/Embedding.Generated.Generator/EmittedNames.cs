using System.Collections.Immutable;

namespace Embedding.Generated.Generator;

/// <summary>
/// The names of the members the generator adds to a layer class, shared by the emitter, the rules (a class may not be
/// named like one of its members, and a user member may not take one of these names: EMB013) and the analyzers that
/// recognise calls into a layer.
/// </summary>
internal static class EmittedNames
{
    // The configuration, as constants.
    public const string InputDim = "InputDim";
    public const string OutputDim = "OutputDim";
    public const string InputLength = "InputLength";
    public const string MaskZero = "MaskZero";
    public const string WeightCount = "WeightCount";

    // The public API of a layer.
    public const string Weights = "Weights";
    public const string GetRow = "GetRow";
    public const string Forward = "Forward";
    public const string ComputeMask = "ComputeMask";
    public const string Backward = "Backward";
    public const string CreateDenseGradient = "CreateDenseGradient";
    public const string CreateSparseGradient = "CreateSparseGradient";
    public const string ApplySparseStep = "ApplySparseStep";

    /// <summary>The nested fixed-length sequence struct (with <c>InputLength</c>).</summary>
    public const string Sequence = "Sequence";

    // Private members: a user member of one of these names collides as much as with a public one.
    public const string WeightsField = "_embeddingWeights";

    // Parameter names the usage analyzer reads: ids, and the mask of a masked forward pass.
    public const string IdParameter = "id";
    public const string IdsParameter = "ids";
    public const string MaskParameter = "mask";

    /// <summary>
    /// Every member name above that the generator may add to a layer class, whatever its configuration (a layer
    /// without <c>MaskZero</c> has no <c>ComputeMask</c>, but the name stays reserved, so that changing an argument
    /// never makes a user member collide).
    /// </summary>
    public static readonly ImmutableArray<string> Members = ImmutableArray.Create(
        InputDim, OutputDim, InputLength, MaskZero, WeightCount,
        Weights, GetRow, Forward, ComputeMask, Backward, CreateDenseGradient, CreateSparseGradient, ApplySparseStep, Sequence,
        WeightsField);

    /// <summary>
    /// The private struct that holds the layer's shape and unrolled row kernels, the type argument of the runtime's
    /// <c>LayerOperations&lt;TShape&gt;</c>; named after the layer (unescaped) so that it takes no name the user is likely to use.
    /// </summary>
    public static string ShapeOf(string typeName) => typeName + "Shape";

    /// <summary>Whether the generator may add a member named <paramref name="memberName"/> to the layer class <paramref name="typeName"/> (unescaped).</summary>
    public static bool IsMemberOf(string typeName, string memberName) =>
        Members.Contains(memberName) || memberName == ShapeOf(typeName);
}
