using System;
using System.Collections.Concurrent;
using System.Threading;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Parallelism;

/// <summary>
/// The helper threads behind split passes: every part runs once, a failure in any part reaches the caller only after
/// every part has stopped, and the helpers serve the next pass after a failure.
/// </summary>
[Collection(RowParallelismCollection.Name)]
public sealed class CoreWorkersTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_part_runs_exactly_once(int parts)
    {
        var pass = new RecordingPass();

        CoreWorkers.Run(pass, parts);

        Assert.Equal(parts, pass.Runs.Count);
        for (int part = 0; part < parts; part++)
        {
            Assert.Equal(1, pass.Runs[part]);
        }

        Assert.All(pass.PartCounts, count => Assert.Equal(parts, count));
    }

    [Fact]
    public void A_failure_on_a_helper_is_rethrown_after_the_other_parts_finish()
    {
        var slowPartDone = new ManualResetEventSlim(false);
        var pass = new DelegatePass((part, _) =>
        {
            if (part == 1)
            {
                throw new InvalidOperationException("part 1 failed");
            }

            // Part 0 (the caller) outlasts the failing part: Run must still wait for it, and must still throw.
            Thread.Sleep(50);
            slowPartDone.Set();
        });

        var exception = Assert.Throws<InvalidOperationException>(() => CoreWorkers.Run(pass, 2));

        Assert.Equal("part 1 failed", exception.Message);
        Assert.True(slowPartDone.IsSet, "Run returned before the caller's own part finished.");
    }

    [Fact]
    public void A_failure_on_the_calling_thread_waits_for_the_helpers_before_it_is_rethrown()
    {
        int helperFinished = 0;
        var pass = new DelegatePass((part, _) =>
        {
            if (part == 0)
            {
                throw new InvalidOperationException("part 0 failed");
            }

            Thread.Sleep(50);
            Interlocked.Exchange(ref helperFinished, 1);
        });

        Assert.Throws<InvalidOperationException>(() => CoreWorkers.Run(pass, 2));

        Assert.Equal(1, Volatile.Read(ref helperFinished));
    }

    [Fact]
    public void The_helpers_serve_the_next_pass_after_a_failure()
    {
        Assert.Throws<InvalidOperationException>(() => CoreWorkers.Run(new DelegatePass((_, _) => throw new InvalidOperationException()), 2));
        var pass = new RecordingPass();

        CoreWorkers.Run(pass, 2);

        Assert.Equal(2, pass.Runs.Count);
        Assert.Contains(pass.Threads, id => id != Environment.CurrentManagedThreadId);
    }

    [Fact]
    public void A_pass_started_from_inside_a_part_runs_its_parts_on_that_thread()
    {
        var inner = new RecordingPass();
        var outer = new DelegatePass((part, _) =>
        {
            if (part == 0)
            {
                CoreWorkers.Run(inner, 2);
            }
        });

        CoreWorkers.Run(outer, 2);

        Assert.Equal(2, inner.Runs.Count);
        Assert.Single(inner.Threads);
    }

    private sealed class RecordingPass : IPartedPass
    {
        public ConcurrentDictionary<int, int> Runs { get; } = new();

        public ConcurrentBag<int> PartCounts { get; } = [];

        public ConcurrentDictionary<int, byte> ThreadSet { get; } = new();

        public int[] Threads => [.. ThreadSet.Keys];

        public void RunPart(int part, int parts)
        {
            Runs.AddOrUpdate(part, 1, (_, count) => count + 1);
            PartCounts.Add(parts);
            ThreadSet.TryAdd(Environment.CurrentManagedThreadId, 0);
        }
    }

    private sealed class DelegatePass(Action<int, int> body) : IPartedPass
    {
        public void RunPart(int part, int parts) => body(part, parts);
    }
}
