using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Embedding.Generated.Benchmarks.Config;

/// <summary>
/// GB/s of payload: the bytes a forward pass writes (ids x OutputDim x 4, which it also reads from the table), or a
/// backward pass adds, divided by the median time. 1 GB = 10^9 bytes.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    /// <summary>The one instance.</summary>
    public static ThroughputColumn Instance { get; } = new();

    /// <inheritdoc />
    public string Id => nameof(ThroughputColumn);

    /// <inheritdoc />
    public string ColumnName => "GB/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Payload (ids x OutputDim x 4 bytes) per median time, in 10^9 bytes per second";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        long? bytes = BenchmarkCases.PayloadBytes(benchmarkCase);
        double? nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Median;
        return bytes is long b && nanoseconds is double ns && ns > 0 ? (b / ns).ToString("0.0", CultureInfo.InvariantCulture) : "-";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
