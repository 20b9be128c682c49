using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Embedding.Generated.Analyzer.Tests.Infrastructure;
using Embedding.Generated.CodeFixes;
using Embedding.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Embedding.Generated.Analyzer.Tests.CodeFixes;

/// <summary>
/// <c>dotnet format analyzers</c> asks each provider for Fix All with no fix chosen (a null equivalence key), which the
/// harness cannot do: it always names the fix. Where a diagnostic has two fixes, the first one offered is applied.
/// </summary>
public sealed class FixAllWithNoFixChosenTests
{
    [Fact]
    public async Task Fix_All_with_no_fix_chosen_gives_every_MaskZero_layer_a_padding_row()
    {
        const string source = """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 1, OutputDim = 4, MaskZero = true)]
            public partial class First;

            [EmbeddingLayer(InputDim = Size, OutputDim = 4, MaskZero = true)]
            public partial class Second
            {
                public const int Size = 1;
            }
            """;

        string fixedText = await FixAllAsync(source, new LayerAttributeAnalyzer(), new MaskZeroRoomCodeFixProvider());

        Assert.Equal(
            source.Replace("InputDim = 1,", "InputDim = 2,").Replace("InputDim = Size,", "InputDim = Size + 1,"),
            fixedText);
    }

    /// <summary>Fix All in the document, as dotnet format asks for it, over what the analyzer reports.</summary>
    private static async Task<string> FixAllAsync(string source, DiagnosticAnalyzer analyzer, CodeFixProvider provider)
    {
        using var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("Layers", "Layers", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(TestReferences.All)
            .AddDocument("Layers.cs", source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
        Assert.NotEmpty(diagnostics);

        var context = new FixAllContext(
            document, provider, FixAllScope.Document, codeActionEquivalenceKey: null, provider.FixableDiagnosticIds,
            new KnownDiagnostics(diagnostics), CancellationToken.None);
        CodeAction? action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);

        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
