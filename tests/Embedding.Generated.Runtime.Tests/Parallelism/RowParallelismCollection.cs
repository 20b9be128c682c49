using Xunit;

namespace Embedding.Generated.Runtime.Tests.Parallelism;

/// <summary>
/// Tests that set <see cref="RowParallelism.MaxThreads"/> (process-wide) or need the split paths taken run alone, so that
/// no other test changes the setting under them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RowParallelismCollection
{
    public const string Name = "RowParallelism";
}
