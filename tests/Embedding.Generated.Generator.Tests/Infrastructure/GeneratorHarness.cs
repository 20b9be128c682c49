using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.ExceptionServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="EmbeddingGenerator"/> over in-memory source, as the compiler would in a user's build, with
/// step tracking on so that caching can be inspected. A generator exception is rethrown: a crash fails the test.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>
    /// The newest language version, with documentation comments parsed and checked, so that a generated member
    /// without XML docs (CS1591) or with a broken <c>cref</c> (CS1574) shows up as a warning.
    /// </summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName: "UserAssembly",
            syntaxTrees: sources.Select((source, i) => ParseSource(source, $"Source{i}.cs", parseOptions)),
            references: TestReferences.All,
            options: new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // Every warning wave, as a project targeting the newest framework gets.
                warningLevel: 9999));

    /// <summary>Parses a file with the options of <paramref name="compilation"/>, ready to add to it.</summary>
    public static SyntaxTree ParseLike(CSharpCompilation compilation, string source, string path) =>
        ParseSource(source, path, (CSharpParseOptions)compilation.SyntaxTrees.First().Options);

    /// <summary>Creates a compilation from <paramref name="sources"/> and runs the generator once over it.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    /// <summary>Runs the generator once over <paramref name="compilation"/> with a new driver.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new EmbeddingGenerator().AsSourceGenerator()],
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return RunDriver(driver, compilation);
    }

    /// <summary>
    /// Runs the driver of <paramref name="previous"/> again over <paramref name="compilation"/>, as the compiler does
    /// after an edit: steps whose inputs did not change are served from the previous run's tables.
    /// </summary>
    public static GeneratorRun Rerun(GeneratorRun previous, CSharpCompilation compilation) =>
        RunDriver(previous.Driver, compilation);

    private static GeneratorRun RunDriver(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorDriverRunResult result = driver.GetRunResult();

        Exception[] exceptions = result.Results
            .Select(generatorResult => generatorResult.Exception)
            .OfType<Exception>()
            .ToArray();
        if (exceptions.Length == 1)
        {
            ExceptionDispatchInfo.Capture(exceptions[0]).Throw();
        }
        else if (exceptions.Length > 1)
        {
            throw new AggregateException("The generator threw.", exceptions);
        }

        return new GeneratorRun(driver, result, compilation, output);
    }

    private static SyntaxTree ParseSource(string source, string path, CSharpParseOptions parseOptions) =>
        CSharpSyntaxTree.ParseText(source, parseOptions, path);
}

/// <summary>One run of the generator: the driver (to run again), its result, and the compilations before and after.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation)
{
    /// <summary>The result of the one generator the harness runs.</summary>
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>The generated files, ordered by hint name.</summary>
    public ImmutableArray<GeneratedSourceResult> Sources =>
        [.. Generator.GeneratedSources.OrderBy(source => source.HintName, StringComparer.Ordinal)];

    public string[] HintNames => [.. Sources.Select(source => source.HintName)];

    /// <summary>The text of the one file generated under <paramref name="hintName"/>.</summary>
    public string SourceText(string hintName) =>
        Sources.Single(source => source.HintName == hintName).SourceText.ToString();
}
