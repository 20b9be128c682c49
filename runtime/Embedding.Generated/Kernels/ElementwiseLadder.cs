using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.Kernels;

/// <summary>
/// The spans an elementwise kernel reads and writes, as references to their first elements: a table (weights, a row),
/// an input of the same length (a gradient, the weights a penalty reads) and up to three slots of an optimizer. A kernel
/// touches only the ones it names; the others stay null references.
/// </summary>
internal ref struct ElementStreams
{
    public ref float Target;
    public ref float Input;
    public ref float Slot0;
    public ref float Slot1;
    public ref float Slot2;
}

/// <summary>A formula applied element by element, written once over <see cref="IFloatLanes{TSelf}"/>.</summary>
internal interface IElementwiseKernel
{
    /// <summary>Computes the elements <c>index .. index + TLanes.Count - 1</c> of every stream the kernel uses.</summary>
    void Invoke<TLanes>(scoped ref ElementStreams streams, nuint index)
        where TLanes : struct, IFloatLanes<TLanes>;
}

/// <summary>
/// Runs an elementwise kernel over <c>length</c> elements, widest accelerated width first (512, 256, 128 bits), then
/// one float at a time for the tail. Each element is computed exactly once, by whichever width reaches it, so a
/// read-modify-write kernel (an update, an accumulation) is safe, and since every width computes the same formula
/// the result does not depend on which ran.
/// </summary>
internal static class ElementwiseLadder
{
    // Inlined into each caller, so a row's constant length (IRowLength) becomes every loop's constant bound.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TKernel>(in TKernel kernel, scoped ref ElementStreams streams, int length)
        where TKernel : struct, IElementwiseKernel
    {
        nuint count = (nuint)length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector512<float>.Count <= count; i += (nuint)Vector512<float>.Count)
            {
                kernel.Invoke<Lanes512>(ref streams, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector256<float>.Count <= count; i += (nuint)Vector256<float>.Count)
            {
                kernel.Invoke<Lanes256>(ref streams, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector128<float>.Count <= count; i += (nuint)Vector128<float>.Count)
            {
                kernel.Invoke<Lanes128>(ref streams, i);
            }
        }

        for (; i < count; i++)
        {
            kernel.Invoke<Lane1>(ref streams, i);
        }
    }
}
