using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Embedding.Generated.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Embedding.Generated.Conformance.Tests.Layers;

/// <summary>
/// Compiles C# source as a user's build would: the .NET 10 reference assemblies and the Embedding.Generated runtime as
/// references, the real <see cref="EmbeddingGenerator"/> run over it, Release optimisation. The assembly is emitted to
/// memory and loaded into its own collectible <see cref="GeneratedLayerLoadContext"/>.
/// </summary>
internal static class InMemoryCompiler
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(IEmbeddingLayer).Assembly.Location),
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Compiles <paramref name="source"/> with the generator and loads the result.</summary>
    /// <exception cref="InvalidOperationException">
    /// The generator threw or reported an error, or the compilation has errors; the message lists them with the source.
    /// </exception>
    public static Assembly CompileAndLoad(string assemblyName, string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Case.cs")],
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new EmbeddingGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            throw new InvalidOperationException($"The generator threw while compiling {assemblyName}:\n{source}", run.Exception);
        }

        Diagnostic[] errors = [.. generatorDiagnostics.Concat(output.GetDiagnostics()).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)];
        RequireNoErrors(assemblyName, source, errors);

        using var image = new MemoryStream();
        EmitResult emitted = output.Emit(image);
        RequireNoErrors(assemblyName, source, [.. emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)]);

        image.Position = 0;
        return new GeneratedLayerLoadContext(assemblyName).LoadFromStream(image);
    }

    private static void RequireNoErrors(string assemblyName, string source, Diagnostic[] errors)
    {
        if (errors.Length > 0)
        {
            throw new InvalidOperationException(
                $"{assemblyName} does not compile ({errors.Length} errors):\n{string.Join("\n", errors.Select(error => error.ToString()))}\nSource:\n{source}");
        }
    }
}
