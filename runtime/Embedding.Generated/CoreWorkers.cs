using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Embedding.Generated;

/// <summary>
/// A pass cut into parts that may run at the same time on different cores. Part <c>p</c> of <c>parts</c> must touch
/// only memory no other part writes.
/// </summary>
internal interface IPartedPass
{
    void RunPart(int part, int parts);
}

/// <summary>
/// Helper threads for passes split across cores. They are started on first use and then kept, waiting, so that a split
/// pass allocates nothing (<c>Parallel.For</c> allocates on every call, which a training step must not). The calling
/// thread runs part 0 itself. One split pass runs at a time: a caller that finds the helpers busy, or a part that
/// itself asks to split, runs all its parts on its own thread, which gives the same result.
/// </summary>
internal static class CoreWorkers
{
    private static readonly object s_startGate = new();
    private static Helper[] s_helpers = [];
    private static int s_busy;

    /// <summary>
    /// Runs parts <c>0 .. parts - 1</c> of <paramref name="pass"/> and returns when every part is done, rethrowing the
    /// caller's own part's exception, else the first helper's (after all parts have stopped, so no part still uses the
    /// caller's memory).
    /// </summary>
    /// <remarks>
    /// The wait for the helpers cannot be cut short: the caller's memory is pinned only until this returns, so leaving
    /// while a helper still writes it, or handing the helpers to the next pass, would corrupt both. An interrupt
    /// (<see cref="Thread.Interrupt"/>) that arrives during the wait, or while a helper is being started (a start cut short
    /// would leave the helpers already started running on memory no longer pinned), is therefore held and posted again on
    /// the calling thread once every part has stopped: the pass completes as it would have without it, and the caller's
    /// next blocking call throws <see cref="ThreadInterruptedException"/>, as it would have if the interrupt had arrived a moment later.
    /// </remarks>
    public static void Run(IPartedPass pass, int parts)
    {
        if (parts <= 1 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            for (int part = 0; part < Math.Max(parts, 1); part++)
            {
                pass.RunPart(part, Math.Max(parts, 1));
            }

            return;
        }

        Exception? failure;
        try
        {
            Helper[] helpers = EnsureHelpers(parts - 1);
            bool interrupted = false;
            for (int i = 0; i < parts - 1; i++)
            {
                helpers[i].Start(pass, i + 1, parts, ref interrupted);
            }

            failure = RunCallersPart(pass, parts);
            for (int i = 0; i < parts - 1; i++)
            {
                // Every helper is waited for, whatever an earlier one reported.
                Exception? helperFailure = helpers[i].WaitUntilDone(ref interrupted);
                failure ??= helperFailure;
            }

            if (interrupted)
            {
                Thread.CurrentThread.Interrupt();
            }
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private static Exception? RunCallersPart(IPartedPass pass, int parts)
    {
        try
        {
            pass.RunPart(0, parts);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static Helper[] EnsureHelpers(int count)
    {
        Helper[] helpers = s_helpers;
        if (helpers.Length >= count)
        {
            return helpers;
        }

        lock (s_startGate)
        {
            if (s_helpers.Length < count)
            {
                var grown = new Helper[count];
                Array.Copy(s_helpers, grown, s_helpers.Length);
                for (int i = s_helpers.Length; i < count; i++)
                {
                    grown[i] = new Helper(i + 1);
                }

                s_helpers = grown;
            }

            return s_helpers;
        }
    }

    /// <summary>One background thread that runs one part at a time when started.</summary>
    private sealed class Helper
    {
        private readonly SemaphoreSlim _start = new(0);
        private readonly ManualResetEventSlim _done = new(false);
        private IPartedPass? _pass;
        private int _part;
        private int _parts;
        private Exception? _failure;

        public Helper(int number)
        {
            var thread = new Thread(Loop)
            {
                IsBackground = true,
                Name = $"Embedding.Generated worker {number}",
            };
            thread.Start();
        }

        /// <summary>
        /// Hands the helper its part and wakes it, through interrupts (setting <paramref name="interrupted"/> when one
        /// arrived): the semaphore's release can wait a moment for its lock, which the helper takes on its way back to
        /// waiting, and a pending interrupt fires in that wait, before the release has counted.
        /// </summary>
        public void Start(IPartedPass pass, int part, int parts, ref bool interrupted)
        {
            _pass = pass;
            _part = part;
            _parts = parts;
            _failure = null;
            _done.Reset();
            while (true)
            {
                try
                {
                    _start.Release();
                    return;
                }
                catch (ThreadInterruptedException)
                {
                    interrupted = true;
                }
            }
        }

        /// <summary>
        /// Waits until the part is done, through interrupts (setting <paramref name="interrupted"/> when one arrived),
        /// and returns what the part threw, if anything.
        /// </summary>
        public Exception? WaitUntilDone(ref bool interrupted)
        {
            while (true)
            {
                try
                {
                    _done.Wait();
                    return _failure;
                }
                catch (ThreadInterruptedException)
                {
                    interrupted = true;
                }
            }
        }

        private void Loop()
        {
            while (true)
            {
                WaitForStart();
                try
                {
                    _pass!.RunPart(_part, _parts);
                }
                catch (Exception exception)
                {
                    _failure = exception;
                }
                finally
                {
                    // The pass belongs to the caller; drop it so the helper keeps nothing alive between passes.
                    _pass = null;
                    ReportDone();
                }
            }
        }

        // A part can interrupt the helper's own thread (Thread.CurrentThread.Interrupt() in the pass), and the interrupt
        // then lands in the helper's next wait: here, or in ReportDone. It concerns no caller, and an exception in either
        // would end the helper, and with it the process.
        private void WaitForStart()
        {
            while (true)
            {
                try
                {
                    _start.Wait();
                    return;
                }
                catch (ThreadInterruptedException)
                {
                }
            }
        }

        // Set wakes the waiting caller under the event's lock, which the caller takes on its way into the wait, so Set can
        // wait a moment for it; an interrupt that fires there leaves the event set but the caller not woken, so Set is
        // called again.
        private void ReportDone()
        {
            while (true)
            {
                try
                {
                    _done.Set();
                    return;
                }
                catch (ThreadInterruptedException)
                {
                }
            }
        }
    }
}
