using System.Threading;

namespace Embedding.Generated.Runtime.Tests.Parallelism;

/// <summary>Reads whether the calling thread has an interrupt pending (<see cref="Thread.Interrupt"/>).</summary>
internal static class PendingInterrupt
{
    /// <summary>Whether an interrupt was pending; consumes it, as the first blocking call would.</summary>
    public static bool Consume()
    {
        try
        {
            Thread.Sleep(0);
            return false;
        }
        catch (ThreadInterruptedException)
        {
            return true;
        }
    }
}
