using System;
using System.Runtime.CompilerServices;

namespace Embedding.Generated.Benchmarks.Layers;

/// <summary>
/// The generated sweep layer of one OutputDim, called through its own class. A switch on the width picks the class;
/// it costs a predicted branch per batch.
/// </summary>
public sealed class SweepLayer
{
    /// <summary>Rows in every sweep table (S1's vocabulary).</summary>
    public const int InputDim = 1_000;

    /// <summary>Ids per sequence (S1's).</summary>
    public const int InputLength = 10;

    /// <summary>Sequences per batch (S1's).</summary>
    public const int BatchSize = 32;

    private readonly int _outputDim;
    private readonly Sweep3Embedding? _d3;
    private readonly Sweep17Embedding? _d17;
    private readonly Sweep64Embedding? _d64;
    private readonly Sweep100Embedding? _d100;
    private readonly Sweep300Embedding? _d300;

    /// <summary>Creates the generated layer of width <paramref name="outputDim"/>, seeded.</summary>
    public SweepLayer(int outputDim, int seed)
    {
        _outputDim = outputDim;
        switch (outputDim)
        {
            case 3: _d3 = new Sweep3Embedding(seed); break;
            case 17: _d17 = new Sweep17Embedding(seed); break;
            case 64: _d64 = new Sweep64Embedding(seed); break;
            case 100: _d100 = new Sweep100Embedding(seed); break;
            case 300: _d300 = new Sweep300Embedding(seed); break;
            default: throw new ArgumentOutOfRangeException(nameof(outputDim), outputDim, "Not a width of the sweep.");
        }
    }

    /// <summary>The generated lookup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Forward(ReadOnlySpan<int> ids, Span<float> output)
    {
        switch (_outputDim)
        {
            case 3: _d3!.Forward(ids, output); break;
            case 17: _d17!.Forward(ids, output); break;
            case 64: _d64!.Forward(ids, output); break;
            case 100: _d100!.Forward(ids, output); break;
            default: _d300!.Forward(ids, output); break;
        }
    }

    /// <summary>The generated layer's dense gradient (zeros, on cache-line boundaries).</summary>
    public Memory<float> CreateDenseGradient() => _outputDim switch
    {
        3 => _d3!.CreateDenseGradient(),
        17 => _d17!.CreateDenseGradient(),
        64 => _d64!.CreateDenseGradient(),
        100 => _d100!.CreateDenseGradient(),
        _ => _d300!.CreateDenseGradient(),
    };

    /// <summary>The generated dense backward.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient)
    {
        switch (_outputDim)
        {
            case 3: _d3!.Backward(ids, outputGradient, weightGradient); break;
            case 17: _d17!.Backward(ids, outputGradient, weightGradient); break;
            case 64: _d64!.Backward(ids, outputGradient, weightGradient); break;
            case 100: _d100!.Backward(ids, outputGradient, weightGradient); break;
            default: _d300!.Backward(ids, outputGradient, weightGradient); break;
        }
    }
}
