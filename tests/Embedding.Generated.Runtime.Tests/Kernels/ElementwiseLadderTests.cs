using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Constraints;
using Embedding.Generated.Kernels;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Kernels;

/// <summary>
/// The one ladder every optimizer, penalty and constraint kernel runs on: each element exactly once, whatever mix of
/// widths (512, 256, 128 bits, one float) a length takes. The suite runs the same tests with
/// <c>DOTNET_EnableAVX512F=0</c>, <c>DOTNET_EnableAVX2=0</c> and <c>DOTNET_EnableHWIntrinsic=0</c>, so each rung is
/// exercised as the widest one too.
/// </summary>
public sealed class ElementwiseLadderTests
{
    // Lengths below, at and past each width's multiples, so every rung and the tail run alone and together.
    public static TheoryData<int> Lengths => [.. Enumerable.Range(0, 40).Concat([47, 48, 49, 63, 64, 65, 100, 129])];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_element_is_computed_once_and_nothing_past_the_length_is_touched(int length)
    {
        const float Sentinel = -12345f;
        float[] target = Enumerable.Repeat(Sentinel, length + 20).ToArray();
        Array.Fill(target, 0f, 0, length);
        var streams = new ElementStreams { Target = ref MemoryMarshal.GetArrayDataReference(target) };

        ElementwiseLadder.Run(default(AddOne), ref streams, length);

        Assert.All(target.Take(length), value => Assert.Equal(1f, value));
        Assert.All(target.Skip(length), value => Assert.Equal(Sentinel, value));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void NonNeg_zeroes_exactly_the_negative_elements_and_keeps_NaN_and_negative_zero_at_every_width(int length)
    {
        float[] specials = [-1f, -0f, float.NaN, float.NegativeInfinity, -float.Epsilon, 0f, float.Epsilon, 2.5f, float.PositiveInfinity, -3.75f];
        float[] row = Enumerable.Range(0, length).Select(i => specials[(i * 7) % specials.Length]).ToArray();
        // The rule written out, element by element: Keras's maximum(w, 0) as `w < 0 ? 0 : w` (NaN < 0 is false).
        int[] expected = row.Select(value => BitConverter.SingleToInt32Bits(value < 0f ? 0f : value)).ToArray();

        new NonNeg().ApplyToRow(row);

        Assert.Equal(expected, row.Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    private readonly struct AddOne : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T> =>
            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) + T.Create(1f), ref streams.Target, i);
    }
}
