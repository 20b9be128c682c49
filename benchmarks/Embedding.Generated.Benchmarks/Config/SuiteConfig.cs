using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using Embedding.Generated.Benchmarks.TorchSharp;
using Perfolizer.Horology;

namespace Embedding.Generated.Benchmarks.Config;

/// <summary>
/// The one configuration of the suite: a short job (one process per benchmark, 3 warm-up and 10 measured iterations of
/// about 250 ms), so that the whole suite runs in under 30 minutes on 2 cores; medians, min and max; median ratios to the baseline
/// and to the runtime-dimension counterpart; GB/s of payload; Markdown, CSV and JSON reports.
/// </summary>
public static class SuiteConfig
{
    /// <summary>Creates the configuration; without TorchSharp, its benchmarks are filtered out.</summary>
    /// <param name="torchSharpAvailable">Whether libtorch loads here.</param>
    /// <param name="addSuiteJob">False when the command line names a job (e.g. <c>--job dry</c>), which then runs alone.</param>
    public static IConfig Create(bool torchSharpAvailable, bool addSuiteJob)
    {
        Job job = Job.Default
            .WithId("Suite")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            // Half BenchmarkDotNet's default of 500 ms: keeps the suite, TorchSharp rows included, under 30 minutes; an
            // iteration still holds thousands of calls at S1 and S2, and at least one call of the slowest training step.
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            // One thread for the benchmark: no background GC thread competing for the second core.
            .WithGcServer(false)
            .WithGcConcurrent(false);

        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .AddColumn(MedianRatioColumn.ToBaseline, MedianRatioColumn.ToRuntimeDims, ThroughputColumn.Instance)
            // The default configuration already exports Markdown (GitHub), CSV and HTML.
            .AddExporter(JsonExporter.Brief);
        if (addSuiteJob)
        {
            config = config.AddJob(job);
        }

        if (!torchSharpAvailable)
        {
            config = config.AddFilter(new SimpleFilter(benchmarkCase => !benchmarkCase.Descriptor.HasCategory(TorchSharpProbe.Category)));
        }

        return config;
    }
}
