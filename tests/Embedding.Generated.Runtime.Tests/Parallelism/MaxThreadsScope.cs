using System;

namespace Embedding.Generated.Runtime.Tests.Parallelism;

/// <summary>Sets <see cref="RowParallelism.MaxThreads"/> for a test and puts the previous value back when disposed.</summary>
internal readonly struct MaxThreadsScope : IDisposable
{
    private readonly int _saved;

    public MaxThreadsScope(int maxThreads)
    {
        _saved = RowParallelism.MaxThreads;
        RowParallelism.MaxThreads = maxThreads;
    }

    public void Dispose() => RowParallelism.MaxThreads = _saved;
}
