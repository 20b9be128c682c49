using System;
using System.Collections.Concurrent;
using System.Reflection;
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
    public void A_failing_helper_does_not_end_the_wait_for_a_slower_helper()
    {
        using var partOneFailing = new ManualResetEventSlim(false);
        int slowPartFinished = 0;
        var pass = new DelegatePass((part, _) =>
        {
            if (part == 1)
            {
                partOneFailing.Set();
                throw new InvalidOperationException("part 1 failed");
            }

            if (part == 2)
            {
                // Part 2 is still at work when part 1 has failed and the caller has finished part 0.
                partOneFailing.Wait();
                Thread.Sleep(50);
                Volatile.Write(ref slowPartFinished, 1);
            }
        });

        var exception = Assert.Throws<InvalidOperationException>(() => CoreWorkers.Run(pass, 3));

        Assert.Equal("part 1 failed", exception.Message);
        Assert.Equal(1, Volatile.Read(ref slowPartFinished));
    }

    [Fact]
    public void An_interrupt_of_the_waiting_caller_waits_for_every_part_and_is_posted_again_afterwards()
    {
        Thread? caller = null;
        int helperFinished = 0;
        var pass = new DelegatePass((part, _) =>
        {
            if (part == 1)
            {
                // Interrupt the caller once it is blocked waiting for this part, then keep working.
                SpinWait.SpinUntil(() => (caller!.ThreadState & ThreadState.WaitSleepJoin) != 0);
                caller!.Interrupt();
                Thread.Sleep(50);
                Volatile.Write(ref helperFinished, 1);
            }
        });
        Exception? runFailure = null;
        int helperFinishedWhenRunReturned = -1;
        bool interruptPendingAfterRun = false;
        caller = new Thread(() =>
        {
            try
            {
                CoreWorkers.Run(pass, 2);
            }
            catch (Exception exception)
            {
                runFailure = exception;
            }

            helperFinishedWhenRunReturned = Volatile.Read(ref helperFinished);
            interruptPendingAfterRun = PendingInterrupt.Consume();
        });

        caller.Start();
        caller.Join();

        Assert.Null(runFailure);
        Assert.Equal(1, helperFinishedWhenRunReturned);
        Assert.True(interruptPendingAfterRun, "The interrupt that arrived during the wait was lost.");
        AssertHelpersServeAPass();
    }

    [Fact]
    public void A_caller_with_an_interrupt_pending_whose_signal_to_a_helper_must_wait_runs_every_part_and_keeps_the_interrupt()
    {
        // Starting a helper signals its semaphore, whose lock the helper itself takes on its way back to waiting; a
        // signal that meets the lock taken waits for it, and a pending interrupt fires in that wait. Here the lock is
        // held on purpose (it is the semaphore's own, reached by reflection) until the caller is seen waiting for it.
        CoreWorkers.Run(new RecordingPass(), 2);
        object semaphoreLock = SemaphoreLockOfFirstHelper();
        var pass = new RecordingPass();
        Exception? runFailure = null;
        bool interruptPendingAfterRun = false;
        var caller = new Thread(() =>
        {
            Thread.CurrentThread.Interrupt();
            try
            {
                CoreWorkers.Run(pass, 2);
            }
            catch (Exception exception)
            {
                runFailure = exception;
            }

            interruptPendingAfterRun = PendingInterrupt.Consume();
        });

        lock (semaphoreLock)
        {
            caller.Start();
            SpinWait.SpinUntil(() => (caller.ThreadState & (ThreadState.WaitSleepJoin | ThreadState.Stopped)) != 0);
            Thread.Sleep(50);
        }

        caller.Join();

        Assert.Null(runFailure);
        Assert.Equal(2, pass.Runs.Count);
        Assert.True(interruptPendingAfterRun, "The interrupt that arrived while a helper was being started was lost.");
        AssertHelpersServeAPass();
    }

    [Fact]
    public void A_part_that_interrupts_its_own_helper_while_the_helper_must_wait_to_report_it_done_is_still_reported_done()
    {
        // Reporting a part done wakes the waiting caller through the done event's lock, which the caller takes on its
        // way into the wait; a report that meets the lock taken waits for it, and the helper's own pending interrupt
        // fires there. Here the lock is held on purpose (it is the event's own, reached by reflection).
        CoreWorkers.Run(new RecordingPass(), 2);
        Thread? caller = null;
        int lockHeld = 0;
        var pass = new DelegatePass((part, _) =>
        {
            if (part == 1)
            {
                // The event makes its lock when the caller first blocks on it; then the caller is let settle in the wait.
                SpinWait.SpinUntil(() => DoneEventLockOfFirstHelper() is not null && (caller!.ThreadState & ThreadState.WaitSleepJoin) != 0);
                Thread.Sleep(50);
                Volatile.Write(ref lockHeld, -1);
                SpinWait.SpinUntil(() => Volatile.Read(ref lockHeld) == 1);
                Thread.CurrentThread.Interrupt();
            }
        });
        Exception? runFailure = null;
        caller = new Thread(() => runFailure = Record.Exception(() => CoreWorkers.Run(pass, 2)));

        caller.Start();
        SpinWait.SpinUntil(() => Volatile.Read(ref lockHeld) == -1);
        lock (DoneEventLockOfFirstHelper()!)
        {
            Volatile.Write(ref lockHeld, 1);
            Thread.Sleep(50);
        }

        Assert.True(caller.Join(TimeSpan.FromSeconds(10)), "The caller still waits for a part that is done.");
        Assert.Null(runFailure);
        AssertHelpersServeAPass();
    }

    private static object SemaphoreLockOfFirstHelper() => LockOfFirstHelper<SemaphoreSlim>("_start", "m_lockObjAndDisposed")!;

    // Null until a thread has blocked on the event.
    private static object? DoneEventLockOfFirstHelper() => LockOfFirstHelper<ManualResetEventSlim>("_done", "m_lock");

    // The internal lock of a primitive of the first helper: a private field of the BCL type, by name.
    private static object? LockOfFirstHelper<TPrimitive>(string helperField, string lockField)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var helpers = (Array)typeof(CoreWorkers).GetField("s_helpers", Private)!.GetValue(null)!;
        object helper = helpers.GetValue(0)!;
        var primitive = (TPrimitive)helper.GetType().GetField(helperField, Private)!.GetValue(helper)!;
        FieldInfo? field = typeof(TPrimitive).GetField(lockField, Private);
        Assert.True(field is not null, $"{typeof(TPrimitive).Name} no longer keeps its lock in {lockField}; this test needs another way to hold it.");
        return field!.GetValue(primitive);
    }

    [Fact]
    public void A_part_that_interrupts_its_own_helper_thread_leaves_the_helper_serving_later_passes()
    {
        Thread? helper = null;
        var pass = new DelegatePass((part, _) =>
        {
            if (part == 1)
            {
                helper = Thread.CurrentThread;
                helper.Interrupt();
            }
        });

        CoreWorkers.Run(pass, 2);
        // The pending interrupt lands when the helper blocks, waiting for its next part.
        SpinWait.SpinUntil(() => (helper!.ThreadState & (ThreadState.WaitSleepJoin | ThreadState.Stopped)) != 0);

        Assert.True(helper!.IsAlive, "The helper thread ended.");
        AssertHelpersServeAPass();
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

    private static void AssertHelpersServeAPass()
    {
        var pass = new RecordingPass();

        CoreWorkers.Run(pass, 3);

        Assert.Equal(3, pass.Runs.Count);
        Assert.All(pass.Runs.Values, count => Assert.Equal(1, count));
        Assert.Contains(pass.Threads, id => id != Environment.CurrentManagedThreadId);
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
}
