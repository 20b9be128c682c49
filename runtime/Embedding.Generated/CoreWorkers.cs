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
    /// first exception a part threw (after all parts have stopped, so no part still uses the caller's memory).
    /// </summary>
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

        try
        {
            Helper[] helpers = EnsureHelpers(parts - 1);
            Exception? callerFailure = null;
            for (int i = 0; i < parts - 1; i++)
            {
                helpers[i].Start(pass, i + 1, parts);
            }

            try
            {
                pass.RunPart(0, parts);
            }
            catch (Exception exception)
            {
                callerFailure = exception;
            }

            Exception? helperFailure = null;
            for (int i = 0; i < parts - 1; i++)
            {
                helperFailure ??= helpers[i].WaitUntilDone();
            }

            if ((callerFailure ?? helperFailure) is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
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

        public void Start(IPartedPass pass, int part, int parts)
        {
            _pass = pass;
            _part = part;
            _parts = parts;
            _failure = null;
            _done.Reset();
            _start.Release();
        }

        public Exception? WaitUntilDone()
        {
            _done.Wait();
            return _failure;
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
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
                    _done.Set();
                }
            }
        }
    }
}
