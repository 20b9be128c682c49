using System;
using Embedding.Generated.Constraints;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Training;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// After its first steps have sized the optimizer's slots and the trainer's buffers, a training step allocates no managed
/// memory: counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/> (an exact count of bytes, not a timing).
/// </summary>
public sealed class StepAllocationTests
{
    private const int WarmUpSteps = 40;
    private const int MeasuredSteps = 10;

    public static TheoryData<UpdateMode, string, string> Cases
    {
        get
        {
            var data = new TheoryData<UpdateMode, string, string>();
            foreach (UpdateMode mode in new[] { UpdateMode.LazySparse, UpdateMode.Dense })
            {
                foreach (string optimizer in new[] { "Adam", "Adam AMSGrad beta2 0.9", "SGD Nesterov", "RMSprop centered momentum", "Adagrad" })
                {
                    foreach (string constraint in new[] { "none", "MaxNorm axis 1", "MaxNorm axis 0" })
                    {
                        data.Add(mode, optimizer, constraint);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_warmed_up_step_allocates_nothing(UpdateMode mode, string optimizer, string constraint)
    {
        IConstraint? projection = constraint switch
        {
            "MaxNorm axis 1" => new MaxNorm(1.5f, axis: 1),
            "MaxNorm axis 0" => new MaxNorm(3f, axis: 0),
            _ => null,
        };
        var setup = new TrainerSetup(OptimizerCases.Create(optimizer), mode, new L1L2(0.01f, 0.01f), projection);
        var batches = new[]
        {
            TrainerSetup.Batch(seed: 1, firstRow: 0, rowCount: 50),
            TrainerSetup.Batch(seed: 2, firstRow: 0, rowCount: 10),
            TrainerSetup.Batch(seed: 3, firstRow: 40, rowCount: 10),
        };
        for (int step = 0; step < WarmUpSteps; step++)
        {
            setup.Step(batches[step % batches.Length]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int step = 0; step < MeasuredSteps; step++)
        {
            setup.Step(batches[step % batches.Length]);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
