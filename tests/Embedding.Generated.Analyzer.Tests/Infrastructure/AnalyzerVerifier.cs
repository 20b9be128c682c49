using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Embedding.Generated.Generator;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Embedding.Generated.Analyzer.Tests.Infrastructure;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> over test source written in the harness's markup (<c>{|EMB001:...|}</c>,
/// or <c>{|#0:...|}</c> with <c>.WithLocation(0)</c>) and compares what it reports with what the test expects: ID,
/// span, severity and, when the test gives arguments, the message. The generator runs too, as in a user's build, so
/// calls into generated members bind; the analyzers skip its output as generated code.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic with the ID, severity and (when given arguments) the message of its descriptor.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>Fails unless the analyzer reports exactly <paramref name="expected"/> (and the code otherwise compiles).</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The harness set up for this repository: hermetic references, the generator running beside the analyzer.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            TestReferences.MakeHermetic(this);

            // The generated layers are covered by snapshot tests; here they only need to exist.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(EmbeddingGenerator)];
    }
}
