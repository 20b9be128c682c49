using System.ComponentModel;
using Embedding.Generated.Optimizers;

namespace Embedding.Generated.CompilerServices;

/// <summary>
/// A generated layer's constants and unrolled row kernels, as the static members of a struct: the runtime's
/// <see cref="LayerOperations{TShape}"/> is generic over it, so the JIT compiles its checks and loops once per layer with
/// every member below folded to a constant or inlined (no interface call per row). Called by generated code; not user
/// API.
/// </summary>
/// <remarks>
/// The vocabulary size is not a member: operations take it from the caller, next to the table, so that it costs
/// nothing to come from the table rather than from a constant.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILayerShape : IRowLength
{
    /// <summary>Length of each embedding vector.</summary>
    static abstract int OutputDim { get; }

    /// <summary>Length of every input sequence, or 0 when sequences may have any length.</summary>
    static abstract int InputLength { get; }

    /// <summary>
    /// How many ids ahead a pass over the table prefetches rows, or 0 for none: the generator prefetches only tables
    /// too large to stay in the caches.
    /// </summary>
    static abstract int PrefetchDistance { get; }

    /// <summary>
    /// Whether a large gather may write its output past the caches (decided per pass by <see cref="RowStores"/>): only
    /// for tables that do not stay in cache, with rows of whole 32-byte vectors.
    /// </summary>
    static abstract bool WritesPastCaches { get; }

    /// <summary>
    /// A split dense scatter gives each part blocks of <c>1 &lt;&lt; ScatterBlockShift</c> rows, so that only cache
    /// lines at block edges can have two writers.
    /// </summary>
    static abstract int ScatterBlockShift { get; }

    /// <summary>Copies one row: <c>destination[0..OutputDim) = source[0..OutputDim)</c>.</summary>
    static abstract void CopyRow(ref float source, ref float destination);

    /// <summary>Adds one row: <c>destination[0..OutputDim) += source[0..OutputDim)</c>.</summary>
    static abstract void AddRow(ref float source, ref float destination);
}
