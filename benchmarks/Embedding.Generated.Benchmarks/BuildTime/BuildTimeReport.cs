using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Embedding.Generated.Benchmarks.BuildTime;

/// <summary>
/// <c>--build-time-report</c>: what the benchmark cannot show in a table. Which reason every step of the edit's
/// re-run gives, how much of the whole-compilation analysis is the analyzers' own time (Roslyn's telemetry), and
/// the size of what the generator emits. Quick: no BenchmarkDotNet, a few runs timed with a stopwatch.
/// </summary>
public static class BuildTimeReport
{
    /// <summary>Prints the report to the console.</summary>
    public static void Print()
    {
        var project = new LayerProject();
        Console.WriteLine($"Project: {LayerProject.LayerCount} annotated layers in {LayerProject.LayerCount} files, one unrelated file.");

        IReadOnlyList<string> reasons = CachingCheck.Describe(project, out bool everyOutputCached, out int generatedFiles);
        Console.WriteLine($"Re-run after a one-character edit of the unrelated file ({generatedFiles} generated files):");
        foreach (string line in reasons)
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(everyOutputCached ? "  => no emission work: every output Cached or Unchanged" : "  => EMISSION WORK DONE: some output was not cached");

        CSharpCompilation original = project.CreateCompilation();
        GeneratorDriver driver = project.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(original, out Compilation withGenerated, out _);
        long generatedChars = driver.GetRunResult().GeneratedTrees.Sum(tree => (long)tree.Length);
        Console.WriteLine($"Generated: {generatedChars / 1024} KiB of C# in {driver.GetRunResult().GeneratedTrees.Length} files.");

        // The first analysis in a process pays for JIT-compiling the compiler; report the second, as a build server sees it.
        CompilationWithAnalyzers analysis = null!;
        ImmutableArray<Diagnostic> diagnostics = [];
        var stopwatch = new Stopwatch();
        for (int run = 0; run < 2; run++)
        {
            analysis = BuildTimeBenchmarks.CreateAnalysis(project.CreateCompilation([.. withGenerated.SyntaxTrees]), logExecutionTime: true);
            stopwatch.Restart();
            diagnostics = analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            stopwatch.Stop();
        }

        Console.WriteLine($"Whole-compilation analysis (second run in this process; binding every file included): {stopwatch.Elapsed.TotalMilliseconds:0} ms, {diagnostics.Length} diagnostics.");
        foreach (DiagnosticAnalyzer analyzer in LayerProject.Analyzers)
        {
            AnalyzerTelemetryInfo telemetry = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
            Console.WriteLine($"  {analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:0.0} ms in its own callbacks");
        }
    }
}
