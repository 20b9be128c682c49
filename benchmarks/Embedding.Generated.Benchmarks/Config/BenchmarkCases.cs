using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Running;
using Embedding.Generated.Benchmarks.Layers;
using Embedding.Generated.Benchmarks.TorchSharp;
using Embedding.Generated.Benchmarks.Workloads;

namespace Embedding.Generated.Benchmarks.Config;

/// <summary>What the custom columns need to know about a benchmark case, and the categories that label rows.</summary>
public static class BenchmarkCases
{
    /// <summary>The category of rows that measure a change the library does not make (huge pages, prefetch).</summary>
    public const string ExperimentCategory = "Experiment";

    /// <summary>Whether <paramref name="other"/> is in the same comparison group as <paramref name="benchmarkCase"/>.</summary>
    public static bool SameGroup(BenchmarkCase benchmarkCase, BenchmarkCase other) =>
        other.Descriptor.Type == benchmarkCase.Descriptor.Type &&
        other.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo &&
        other.Parameters.ValueInfo == benchmarkCase.Parameters.ValueInfo &&
        GroupingCategories(other).SequenceEqual(GroupingCategories(benchmarkCase));

    // Categories that only label rows (TorchSharp, Experiment) do not split a comparison group.
    private static string[] GroupingCategories(BenchmarkCase benchmarkCase) =>
        [.. benchmarkCase.Descriptor.Categories.Where(category => category is not (TorchSharpProbe.Category or ExperimentCategory)).Order(StringComparer.Ordinal)];

    /// <summary>The payload of one call in bytes, or null where the class does not move one.</summary>
    public static long? PayloadBytes(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.Type.GetCustomAttribute<MovesPayloadAttribute>() is null)
        {
            return null;
        }

        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            switch (parameter.Value)
            {
                case Workload workload:
                    return WorkloadShape.Of(workload).PayloadBytes;
                case int outputDim when parameter.Name == "OutputDim":
                    return (long)SweepLayer.BatchSize * SweepLayer.InputLength * outputDim * sizeof(float);
            }
        }

        return null;
    }

    /// <summary>The counterpart's method name, if the case's method names one.</summary>
    public static string? RuntimeDimsCounterpart(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<RuntimeDimsCounterpartAttribute>()?.MethodName;

    /// <summary>Whether <paramref name="benchmarkCase"/> runs the method <paramref name="methodName"/>.</summary>
    public static bool Runs(BenchmarkCase benchmarkCase, string methodName) =>
        string.Equals(benchmarkCase.Descriptor.WorkloadMethod.Name, methodName, StringComparison.Ordinal);
}
