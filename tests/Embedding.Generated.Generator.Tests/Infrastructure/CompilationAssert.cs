using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>Asserts about a compilation's own diagnostics (the compiler's, not the generator's).</summary>
internal static class CompilationAssert
{
    /// <summary>
    /// Fails unless <paramref name="compilation"/> (user source and generated source together) compiles with no
    /// errors and no warnings. <paramref name="allowedIds"/> names warnings the test's own user code causes on
    /// purpose; each use says why.
    /// </summary>
    public static void NoErrorsOrWarnings(Compilation compilation, params string[] allowedIds)
    {
        Diagnostic[] problems = compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .Where(diagnostic => !allowedIds.Contains(diagnostic.Id))
            .ToArray();
        if (problems.Length > 0)
        {
            Assert.Fail($"Expected no errors or warnings, found {problems.Length}:\n{Describe(problems)}");
        }
    }

    /// <summary>Each diagnostic with its file, position and the source line it points at.</summary>
    public static string Describe(params Diagnostic[] diagnostics)
    {
        var text = new StringBuilder();
        foreach (Diagnostic diagnostic in diagnostics.Take(20))
        {
            text.Append(diagnostic.ToString()).Append('\n');
            if (diagnostic.Location.SourceTree is SyntaxTree tree)
            {
                int line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                SourceText source = tree.GetText();
                text.Append("    | ").Append(source.Lines[line].ToString().Trim()).Append('\n');
            }
        }

        if (diagnostics.Length > 20)
        {
            text.Append($"... and {diagnostics.Length - 20} more\n");
        }

        return text.ToString();
    }
}
