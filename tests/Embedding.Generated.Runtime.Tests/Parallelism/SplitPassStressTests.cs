using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Parallelism;

/// <summary>
/// Split gathers from several threads at once, some with a part that throws and some from a caller with an interrupt
/// pending: every gather that should succeed equals a scalar copy of its rows, every failure reaches only the caller
/// whose pass threw, and no interrupt is lost.
/// </summary>
[Collection(RowParallelismCollection.Name)]
public sealed class SplitPassStressTests
{
    private const int OutputDim = 16;
    private const int InputDim = 97;
    private const int IdCount = 240;
    private const int Callers = 4;
    private const int PassesPerCaller = 300;
    private const int DawdleIterations = 20_000;

    // An id the gather refuses, placed where a helper's range begins, so that a helper's part throws.
    private const int PoisonId = -1;

    [Fact]
    public void Gathers_beside_failing_and_interrupted_gathers_on_several_threads_equal_the_scalar_copy()
    {
        float[] table = RandomInputs.UnitFloats(new Random(13), InputDim * OutputDim);
        var problems = new ConcurrentQueue<string>();
        var threads = new Thread[Callers];
        using (new MaxThreadsScope(4))
        {
            for (int t = 0; t < threads.Length; t++)
            {
                int seed = t;
                threads[t] = new Thread(() => RunCaller(table, seed, problems));
                threads[t].Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }

        Assert.Empty(problems);
    }

    private static void RunCaller(float[] table, int seed, ConcurrentQueue<string> problems)
    {
        var random = new Random(seed);
        var ids = new int[IdCount];
        var output = new float[IdCount * OutputDim];
        for (int pass = 0; pass < PassesPerCaller; pass++)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = random.Next(InputDim);
            }

            string where = $"caller {seed}, pass {pass}";
            try
            {
                switch (pass % 3)
                {
                    case 0:
                        GatherAndCompare(table, ids, output, where, problems);
                        break;
                    case 1:
                        GatherWithAFailingPart(table, ids, output, random, where, problems);
                        break;
                    default:
                        Thread.CurrentThread.Interrupt();
                        GatherAndCompare(table, ids, output, where, problems);
                        ExpectInterruptPending(where, problems);
                        break;
                }
            }
            catch (Exception exception)
            {
                problems.Enqueue($"{where}: {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private static void GatherAndCompare(float[] table, int[] ids, float[] output, string where, ConcurrentQueue<string> problems)
    {
        Array.Fill(output, float.NaN);

        SplitGather(table, ids, output);

        float[] expected = ScalarGather(table, ids);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(output[i]))
            {
                problems.Enqueue($"{where}: output[{i}] is {output[i]}, the scalar copy {expected[i]}.");
                return;
            }
        }
    }

    private static void GatherWithAFailingPart(float[] table, int[] ids, float[] output, Random random, string where, ConcurrentQueue<string> problems)
    {
        // Four parts of 60 ids: the poison begins part 1, 2 or 3, and the others copy their rows.
        ids[60 * random.Next(1, 4)] = PoisonId;
        try
        {
            SplitGather(table, ids, output);
            problems.Enqueue($"{where}: the gather with a poisoned id did not throw.");
        }
        catch (PoisonException)
        {
        }
    }

    // A split gather as generated layers run one: contiguous ranges of ids, one per part, on the helper threads.
    private static void SplitGather(float[] table, int[] ids, float[] output) =>
        CoreWorkers.Run(
            new DelegatePass((part, parts) =>
            {
                (int start, int end) = RowParallelism.PartRange(ids.Length, part, parts);
                CopyRows(table, ids.AsSpan(start, end - start), output.AsSpan(start * OutputDim, (end - start) * OutputDim), output);
            }),
            Math.Min(RowParallelism.MaxThreads, ids.Length));

    private static void CopyRows(float[] table, ReadOnlySpan<int> ids, Span<float> output, float[] wholeOutput)
    {
        // Every range but the first dawdles (without blocking, which a pending interrupt would break), so that the
        // caller, which copies the first range, usually waits for the others: the window a wrong wait would leave open.
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(output), ref MemoryMarshal.GetArrayDataReference(wholeOutput)))
        {
            Thread.SpinWait(DawdleIterations);
        }

        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] == PoisonId)
            {
                throw new PoisonException();
            }

            table.AsSpan(ids[i] * OutputDim, OutputDim).CopyTo(output.Slice(i * OutputDim, OutputDim));
        }
    }

    private static float[] ScalarGather(float[] table, int[] ids)
    {
        var expected = new float[ids.Length * OutputDim];
        for (int i = 0; i < ids.Length; i++)
        {
            for (int j = 0; j < OutputDim; j++)
            {
                expected[(i * OutputDim) + j] = table[(ids[i] * OutputDim) + j];
            }
        }

        return expected;
    }

    // The interrupt posted before the gather either never found the caller blocked, or was held and posted again: in
    // both cases the caller's next blocking call throws.
    private static void ExpectInterruptPending(string where, ConcurrentQueue<string> problems)
    {
        if (!PendingInterrupt.Consume())
        {
            problems.Enqueue($"{where}: the interrupt was lost.");
        }
    }

    private sealed class PoisonException : Exception;
}
