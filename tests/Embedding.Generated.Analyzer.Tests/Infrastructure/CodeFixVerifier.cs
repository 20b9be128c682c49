using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Embedding.Generated.Generator;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Embedding.Generated.Analyzer.Tests.Infrastructure;

/// <summary>
/// Applies <typeparamref name="TCodeFix"/> to what <typeparamref name="TAnalyzer"/> reports and compares the result
/// with the fixed source the test gives; the fixed source must then draw no diagnostics at all. The generator runs on
/// both, so a fix that makes a layer valid is seen to make its generated members appear.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic with the ID, severity and (when given arguments) the message of its descriptor.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>
    /// Fails unless the diagnostics in <paramref name="source"/>'s markup are reported and the fix with
    /// <paramref name="equivalenceKey"/> (its title) at <paramref name="index"/> among the offered fixes turns it into
    /// <paramref name="fixedSource"/>. A <paramref name="fixedSource"/> equal to <paramref name="source"/> asserts that
    /// no fix is offered.
    /// </summary>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, int? index = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            CodeActionIndex = index,
        };
        return test.RunAsync();
    }

    /// <summary>
    /// Fails unless the diagnostics in the markup of <paramref name="sources"/> (one document each) are reported and one
    /// Fix All, in the project or the solution, with the fix named by <paramref name="equivalenceKey"/> turns every
    /// document into its <paramref name="fixedSources"/>; Fix All in a document must do it in one pass per document. The
    /// harness also applies the fixes one at a time and requires the same result.
    /// </summary>
    public static Task VerifyFixAllAsync(string[] sources, string[] fixedSources, string? equivalenceKey = null)
    {
        // Without a Fix All provider the harness checks only the one-at-a-time fixes and would pass.
        FixAllProvider? fixAll = new TCodeFix().GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Document, fixAll.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());

        var test = new Test
        {
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllInDocumentIterations = sources.Length,
        };
        foreach (string source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        // Markup in the fixed sources marks the diagnostics no fix can remove; the harness would ignore it by default.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        foreach (string fixedSource in fixedSources)
        {
            test.FixedState.Sources.Add(fixedSource);
        }

        return test.RunAsync();
    }

    /// <summary>The harness set up for this repository: hermetic references, the generator running beside the analyzer.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            TestReferences.MakeHermetic(this);
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(EmbeddingGenerator)];
    }
}
