using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Embedding.Generated.Benchmarks.Config;

/// <summary>
/// The ratio of medians to a reference in the same group: the class's baseline (the limit, or the dense step), or the
/// method a <see cref="RuntimeDimsCounterpartAttribute"/> names. Medians, because the claims are medians and a
/// shared 2-core machine gives the mean a long tail.
/// </summary>
public sealed class MedianRatioColumn : IColumn
{
    private readonly bool _toRuntimeDims;

    private MedianRatioColumn(bool toRuntimeDims, string name)
    {
        _toRuntimeDims = toRuntimeDims;
        ColumnName = name;
    }

    /// <summary>Median divided by the median of the class's <c>Baseline = true</c> method.</summary>
    public static MedianRatioColumn ToBaseline { get; } = new(toRuntimeDims: false, "Median/base");

    /// <summary>Median divided by the median of the runtime-dimension counterpart.</summary>
    public static MedianRatioColumn ToRuntimeDims { get; } = new(toRuntimeDims: true, "Median/rtdims");

    /// <inheritdoc />
    public string Id => nameof(MedianRatioColumn) + "." + ColumnName;

    /// <inheritdoc />
    public string ColumnName { get; }

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Baseline;

    /// <inheritdoc />
    public int PriorityInCategory => _toRuntimeDims ? 11 : 10;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => _toRuntimeDims
        ? "Median time / median time of the same algorithm with runtime dimensions (below 1: the generated layer is faster)"
        : "Median time / median time of the baseline (the contiguous limit, or the dense step)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkCase? reference = FindReference(summary, benchmarkCase);
        double? own = summary[benchmarkCase]?.ResultStatistics?.Median;
        double? theirs = reference is null ? null : summary[reference]?.ResultStatistics?.Median;
        return own is double a && theirs is double b && b > 0 ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private BenchmarkCase? FindReference(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (_toRuntimeDims)
        {
            string? counterpart = BenchmarkCases.RuntimeDimsCounterpart(benchmarkCase);
            return counterpart is null
                ? null
                : summary.BenchmarksCases.FirstOrDefault(other => BenchmarkCases.SameGroup(benchmarkCase, other) && BenchmarkCases.Runs(other, counterpart));
        }

        return summary.BenchmarksCases.FirstOrDefault(other => BenchmarkCases.SameGroup(benchmarkCase, other) && other.Descriptor.Baseline);
    }
}
