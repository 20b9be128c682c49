using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Embedding.Generated.Benchmarks.BuildTime;
using Embedding.Generated.Benchmarks.Config;
using Embedding.Generated.Benchmarks.Profiling;
using Embedding.Generated.Benchmarks.TorchSharp;

// The suite's entry point. `--build-time-report` prints the caching and analyzer details of the build-time
// benchmark; `--profile Class.Method ...` loops one benchmark for a profiler; `--memory-probe` measures this machine's
// random-access latency and gather speed by buffer size; anything else goes to BenchmarkDotNet (`--filter`,
// `--list flat`, ...). See docs/benchmarks.md.
if (args.Contains("--build-time-report"))
{
    BuildTimeReport.Print();
    return 0;
}

if (args.Contains("--memory-probe"))
{
    return MemoryProbe.Run();
}

if (args is ["--profile", .. string[] profileArguments])
{
    return ProfileLoop.Run(profileArguments);
}

// BenchmarkDotNet builds a project of its own for the benchmark processes; it inherits this variable as an MSBuild
// property, so the TorchSharp native files in its output get the same treatment as this project's (see the file).
Environment.SetEnvironmentVariable("CustomAfterMicrosoftCommonTargets",
    Path.Combine(AppContext.BaseDirectory, "TorchSharp", "MarkLibTorchSharpGlibcxxWeak.targets"));

// libtorch may not load on this machine (it needs a newer libstdc++); its rows are then skipped, never failed.
string torchStatus = TorchSharpProbe.Status;
Console.WriteLine($"// TorchSharp rows: {torchStatus}");

bool jobOnCommandLine = args.Any(arg => arg is "--job" or "-j" || arg.StartsWith("--job=", StringComparison.Ordinal));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(TorchSharpProbe).Assembly)
    .Run(args, SuiteConfig.Create(TorchSharpProbe.IsAvailable, addSuiteJob: !jobOnCommandLine));

string resultsFolder = summaries.FirstOrDefault()?.ResultsDirectoryPath ?? Path.Combine("BenchmarkDotNet.Artifacts", "results");
Directory.CreateDirectory(resultsFolder);
File.WriteAllText(Path.Combine(resultsFolder, "TorchSharp-status.txt"), $"TorchSharp rows: {torchStatus}\n");
Console.WriteLine($"// TorchSharp rows: {torchStatus}");
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
