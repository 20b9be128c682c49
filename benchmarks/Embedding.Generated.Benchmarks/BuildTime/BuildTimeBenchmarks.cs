using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Embedding.Generated.Benchmarks.BuildTime;

/// <summary>
/// Build-time cost on a project of 200 annotated layers: the generator's first run, its re-run after a one-character
/// edit of an unrelated file (which must emit nothing: the setup checks every output is Cached or Unchanged), and the
/// analyzers over the whole compilation (a command-line build) and over the edited file only (the IDE after a
/// keystroke). One thread: the driver runs the generator alone and analysis is not concurrent.
/// </summary>
/// <remarks>
/// Roslyn's code reaches its optimised (tier-1) JIT code only after many calls; the suite's short iterations left part
/// of it unoptimised (the first run 1.7 times and the re-run 5 times as slow as with 500 ms iterations and 6 warm-ups,
/// which put the re-run at 2.6 % of the first run), so this class keeps BenchmarkDotNet's default iteration time and
/// warms up longer.
/// </remarks>
[MemoryDiagnoser]
[IterationTime(500)]
[WarmupCount(6)]
public class BuildTimeBenchmarks
{
    private LayerProject _project = null!;
    private CSharpCompilation _original = null!;
    private CSharpCompilation _originalWithGenerated = null!;
    private ImmutableArray<SyntaxTree> _treesWithGenerated;
    private GeneratorDriver _driverAfterFirstRun = null!;
    private SyntaxTree[] _editedTrees = [];
    private int _edit;

    /// <summary>Parses the project and runs the generator once, as every benchmark here starts.</summary>
    [GlobalSetup(Targets = new[] { nameof(GeneratorFirstRun), nameof(AnalyzersEditedFile) })]
    public void Setup()
    {
        _project = new LayerProject();
        _original = _project.CreateCompilation();
        _driverAfterFirstRun = _project.CreateDriver(trackSteps: false)
            .RunGeneratorsAndUpdateCompilation(_original, out Compilation withGenerated, out _);
        LayerProject.RequireCleanCompilation(withGenerated);
        _treesWithGenerated = [.. withGenerated.SyntaxTrees];
        _originalWithGenerated = (CSharpCompilation)withGenerated;
        _editedTrees = [.. Enumerable.Range(0, 9).Select(_project.EditedUnrelatedTree)];
    }

    /// <summary>Also checks that the edit's re-run is served from cache: every output Cached or Unchanged.</summary>
    [GlobalSetup(Target = nameof(GeneratorRerunAfterEdit))]
    public void SetupRerun()
    {
        Setup();
        IReadOnlyList<string> reasons = CachingCheck.Describe(_project, out bool everyOutputCached, out int generatedFiles);
        Console.WriteLine($"// Re-run after a one-character edit of an unrelated file ({generatedFiles} generated files): " + string.Join("; ", reasons));
        if (!everyOutputCached || generatedFiles != LayerProject.LayerCount)
        {
            throw new InvalidOperationException("The edit's re-run did emission work: " + string.Join("; ", reasons));
        }
    }

    /// <summary>Also checks that the project draws no diagnostic, so the analyzers run their ordinary path.</summary>
    [GlobalSetup(Target = nameof(AnalyzersWholeCompilation))]
    public void SetupWholeAnalysis()
    {
        Setup();
        ImmutableArray<Diagnostic> diagnostics = CreateAnalysis(_originalWithGenerated).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (!diagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The build-time project should draw no EMB diagnostic, but: " + diagnostics[0]);
        }
    }

    /// <summary>The generator's first run: a new driver over a compilation nothing has bound yet.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver GeneratorFirstRun() =>
        _project.CreateDriver(trackSteps: false).RunGenerators(_project.CreateCompilation());

    /// <summary>The generator's re-run after the one-character edit, on a compilation derived as the IDE derives it.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorRerunAfterEdit() =>
        _driverAfterFirstRun.RunGenerators(_original.ReplaceSyntaxTree(_project.UnrelatedTree, NextEditedTree()));

    /// <summary>The three analyzers over a fresh compilation of every file, generated ones included (a build).</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> AnalyzersWholeCompilation() =>
        CreateAnalysis(_project.CreateCompilation(_treesWithGenerated)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>The three analyzers over the edited file only, as the IDE reanalyses the document being typed in.</summary>
    [Benchmark]
    public int AnalyzersEditedFile()
    {
        SyntaxTree edited = NextEditedTree();
        CompilationWithAnalyzers analysis = CreateAnalysis(_originalWithGenerated.ReplaceSyntaxTree(_project.UnrelatedTree, edited));
        SemanticModel model = analysis.Compilation.GetSemanticModel(edited);
        return analysis.GetAnalyzerSyntaxDiagnosticsAsync(edited, default).GetAwaiter().GetResult().Length
            + analysis.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, default).GetAwaiter().GetResult().Length;
    }

    /// <summary>The analyzers attached to <paramref name="compilation"/>, one thread.</summary>
    internal static CompilationWithAnalyzers CreateAnalysis(Compilation compilation, bool logExecutionTime = false) =>
        compilation.WithAnalyzers(
            LayerProject.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: logExecutionTime));

    private SyntaxTree NextEditedTree() => _editedTrees[_edit++ % _editedTrees.Length];
}
