using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Embedding.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Embedding.Generated.Analyzer.Tests.Infrastructure;

/// <summary>What EMB008 said about one <c>new ...(...)</c> expression, and what running that same expression did.</summary>
/// <param name="Emb008Message">The EMB008 message the analyzer reported on the expression, or null.</param>
/// <param name="Refusal">The exception the component's constructor threw when the expression ran, or null.</param>
internal sealed record CreationOutcome(string? Emb008Message, ArgumentOutOfRangeException? Refusal);

/// <summary>
/// Compiles component creations once, runs <see cref="ComponentArgumentAnalyzer"/> over them and then the compiled code
/// itself, so that the analyzer's verdict and the runtime's are about the very same source.
/// </summary>
internal static class CreationOutcomes
{
    /// <summary>The outcome of each creation expression, in order; each is written on one line of its own.</summary>
    public static IReadOnlyList<CreationOutcome> Of(IReadOnlyList<string> creations)
    {
        // Line 8 + i holds creation i, so a diagnostic's line says which creation it is about.
        const int FirstLine = 8;
        string source =
            "using Embedding.Generated.Constraints;\n" +
            "using Embedding.Generated.Initializers;\n" +
            "using Embedding.Generated.Optimizers;\n" +
            "using Embedding.Generated.Regularizers;\n" +
            "public static class Creations\n{\n" +
            "    public static readonly System.Func<object>[] All =\n    [\n" +
            string.Concat(creations.Select(creation => $"        () => {creation},\n")) +
            "    ];\n}\n";
        Assert.Equal(FirstLine, source.Split('\n').ToList().FindIndex(line => line.StartsWith("        () =>", StringComparison.Ordinal)));

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Creations",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        ImmutableArray<Diagnostic> reported = compilation
            .WithAnalyzers([new ComponentArgumentAnalyzer()])
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var messages = new string?[creations.Count];
        foreach (Diagnostic diagnostic in reported.Where(diagnostic => diagnostic.Id == DiagnosticDescriptors.InvalidComponent.Id))
        {
            int index = diagnostic.Location.GetLineSpan().StartLinePosition.Line - FirstLine;
            Assert.Null(messages[index]);
            messages[index] = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }

        Func<object>[] run = Load(compilation);
        return [.. creations.Select((_, index) => new CreationOutcome(messages[index], Refusal(run[index])))];
    }

    private static Func<object>[] Load(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        Type creations = Assembly.Load(image.ToArray()).GetType("Creations", throwOnError: true)!;
        return (Func<object>[])creations.GetField("All")!.GetValue(null)!;
    }

    private static ArgumentOutOfRangeException? Refusal(Func<object> create)
    {
        try
        {
            create();
            return null;
        }
        catch (ArgumentOutOfRangeException refusal)
        {
            return refusal;
        }
    }
}
