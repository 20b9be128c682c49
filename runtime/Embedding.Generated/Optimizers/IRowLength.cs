using System.ComponentModel;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// A row length the JIT knows as a constant: each generated layer declares a struct whose <see cref="Value"/> is its
/// OutputDim and passes it to <see cref="Optimizer.StepRows{TRowLength}"/>, so the per-row update is compiled for that
/// length (constant loop bounds, no tail where the length needs none), as the layer's row copies are.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRowLength
{
    /// <summary>The number of floats in one row.</summary>
    static abstract int Value { get; }
}
