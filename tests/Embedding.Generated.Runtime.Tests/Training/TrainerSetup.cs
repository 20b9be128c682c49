using System;
using System.Collections.Generic;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Training;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// A 50 x 17 layer (<see cref="Dim17Layer"/>) with a trainer, its batches and snapshots: what the training tests set up
/// again and again. Batches are drawn from a band of rows, so that two batches overlap in some rows and leave others out.
/// </summary>
public sealed class TrainerSetup
{
    public const int InputDim = 50;
    public const int OutputDim = 17;

    public TrainerSetup(Optimizer optimizer, UpdateMode mode, IRegularizer? regularizer = null, IConstraint? constraint = null, float[]? weights = null)
    {
        Layer = new Dim17Layer(weights ?? InitialWeights());
        Trainer = new EmbeddingTrainer(Layer, optimizer, mode, regularizer, constraint);
    }

    public IEmbeddingLayer Layer { get; }

    public EmbeddingTrainer Trainer { get; }

    public Optimizer Optimizer => Trainer.Optimizer;

    /// <summary>Weights in [-1, 1), the same for every setup, so twin trainers start equal.</summary>
    public static float[] InitialWeights() => RandomInputs.UnitFloats(new Random(5), InputDim * OutputDim);

    /// <summary>12 ids drawn from rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="rowCount"/>), with repeats, and their output gradient.</summary>
    public static (int[] Ids, float[] OutputGradient) Batch(int seed, int firstRow, int rowCount)
    {
        var random = new Random(seed);
        int[] ids = new int[12];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = firstRow + random.Next(rowCount);
        }

        ids[^1] = ids[0];
        return (ids, RandomInputs.UnitFloats(random, ids.Length * OutputDim));
    }

    public static HashSet<int> RowsOf(int[] ids) => [.. ids];

    public void Step((int[] Ids, float[] OutputGradient) batch) => Trainer.Step(batch.Ids, batch.OutputGradient);

    public float[] WeightsCopy() => Layer.Weights.ToArray();

    public Span<float> Row(int row) => Layer.Weights.Slice(row * OutputDim, OutputDim);

    /// <summary>Every slot of the optimizer, by name, copied.</summary>
    public Dictionary<string, float[]> SlotsCopy()
    {
        var slots = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (string name in Optimizer.SlotNames)
        {
            slots[name] = Optimizer.GetSlot(name);
        }

        return slots;
    }
}
