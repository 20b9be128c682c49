using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Embedding.Generated.Generator;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

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
