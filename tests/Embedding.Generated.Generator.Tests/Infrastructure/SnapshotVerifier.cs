using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot tests of generated source, with the conventions of Verify.SourceGenerators so that the files read the
/// same: one <c>{TestClass}.{TestMethod}#{HintNameWithoutExtension}.verified.cs</c> per generated file (first line
/// <c>//HintName: {hintName}</c>), plus <c>{TestClass}.{TestMethod}.verified.txt</c> with the generator's own
/// diagnostics when there are any, all in a <c>Snapshots/</c> folder beside the test file.
/// </summary>
/// <remarks>
/// <para>
/// The test class name is the test file's name, so keep one test class per file, named like the file. Text is
/// compared after normalising it (<c>\n</c> line endings, no BOM, one trailing newline) and after scrubbing the
/// version in <c>[GeneratedCode]</c> to <see cref="ScrubbedVersion"/>, so a version bump changes no snapshot.
/// </para>
/// <para>
/// On a mismatch, or when a verified file is missing, each differing file is written as <c>*.received.*</c>
/// beside its <c>*.verified.*</c> file and the test fails with a list of new, changed and no longer produced files
/// and a diff. To accept what the generator now produces, run the tests with the environment variable
/// <c>VERIFY_ACCEPT=1</c>: received files replace the verified ones and verified files no longer produced are
/// deleted. Acceptance is refused when <c>CI=true</c>: a build server only checks. Read what you accept.
/// </para>
/// </remarks>
internal sealed class SnapshotVerifier
{
    /// <summary>The environment variable that accepts received snapshots (set it to <c>1</c>).</summary>
    public const string AcceptVariable = "VERIFY_ACCEPT";

    /// <summary>What the generator's version becomes in every snapshot.</summary>
    public const string ScrubbedVersion = "FIXED_VERSION";

    private const string SnapshotFolder = "Snapshots";
    private const int MaxDiffLines = 80;
    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    // [GeneratedCode("tool", "1.2.3.4")] or [GeneratedCodeAttribute(...)], with or without global::.
    private static readonly Regex GeneratedCodeVersion = new(
        """(GeneratedCode(?:Attribute)?\(\s*"[^"]*"\s*,\s*")[^"]*("\s*\))""",
        RegexOptions.CultureInvariant);

    private readonly bool _accept;
    private readonly bool _onBuildServer;

    public SnapshotVerifier(bool accept, bool onBuildServer)
    {
        _accept = accept;
        _onBuildServer = onBuildServer;
    }

    /// <summary>The verifier as the environment asks: <see cref="AcceptVariable"/> accepts, <c>CI=true</c> forbids accepting.</summary>
    public static SnapshotVerifier FromEnvironment() => new(
        accept: Environment.GetEnvironmentVariable(AcceptVariable) == "1",
        onBuildServer: string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Compares every file the run generated (and its generator diagnostics, if any) with the snapshots of the
    /// calling test. Rethrows a generator exception instead of snapshotting it.
    /// </summary>
    public static void Verify(
        GeneratorRun run,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testMethod = "")
    {
        string testClass = Path.GetFileNameWithoutExtension(testFile);
        FromEnvironment().VerifyResult(run.Result, SnapshotDirectoryFor(testFile), $"{testClass}.{testMethod}");
    }

    /// <summary>Compares a run's generated files with the snapshots named <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public void VerifyResult(GeneratorDriverRunResult result, string directory, string name)
    {
        foreach (GeneratorRunResult generator in result.Results)
        {
            if (generator.Exception is not null)
            {
                throw new InvalidOperationException("The generator threw; its output is not snapshotted.", generator.Exception);
            }
        }

        var files = result.Results
            .SelectMany(generator => generator.GeneratedSources)
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => new SnapshotFile(
                "#" + Path.GetFileNameWithoutExtension(source.HintName),
                Path.GetExtension(source.HintName).TrimStart('.'),
                $"//HintName: {source.HintName}\n{source.SourceText}"))
            .ToList();

        if (result.Diagnostics.Length > 0)
        {
            files.Add(new SnapshotFile(string.Empty, "txt", DescribeDiagnostics(result.Diagnostics)));
        }

        VerifyFiles(directory, name, files);
    }

    /// <summary>
    /// Compares <paramref name="files"/> with the verified files of test <paramref name="name"/>: writes received
    /// files and fails on any difference (or accepts them), deletes stale received files on a match.
    /// </summary>
    public void VerifyFiles(string directory, string name, IReadOnlyList<SnapshotFile> files)
    {
        var news = new List<SnapshotFile>();
        var changes = new List<(SnapshotFile File, string Verified)>();
        foreach (SnapshotFile file in files)
        {
            string verifiedPath = Path.Combine(directory, file.VerifiedName(name));
            if (!File.Exists(verifiedPath))
            {
                news.Add(file);
            }
            else if (Normalize(File.ReadAllText(verifiedPath)) is var verified && verified != file.NormalizedText)
            {
                changes.Add((file, verified));
            }
        }

        var produced = new HashSet<string>(files.Select(file => file.VerifiedName(name)), StringComparer.Ordinal);
        string[] noLongerProduced = VerifiedFilesOf(directory, name)
            .Where(path => !produced.Contains(Path.GetFileName(path)))
            .ToArray();

        DeleteReceivedFilesOf(directory, name);
        if (news.Count == 0 && changes.Count == 0 && noLongerProduced.Length == 0)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        foreach (SnapshotFile file in news.Concat(changes.Select(change => change.File)))
        {
            File.WriteAllText(Path.Combine(directory, file.ReceivedName(name)), file.NormalizedText, Utf8WithoutBom);
        }

        string report = Report(directory, name, news, changes, noLongerProduced);
        if (_accept && _onBuildServer)
        {
            Assert.Fail($"{AcceptVariable} is ignored on a build server (CI=true): accept snapshots locally.\n{report}");
        }

        if (_accept)
        {
            foreach (SnapshotFile file in news.Concat(changes.Select(change => change.File)))
            {
                File.Move(
                    Path.Combine(directory, file.ReceivedName(name)),
                    Path.Combine(directory, file.VerifiedName(name)),
                    overwrite: true);
            }

            foreach (string path in noLongerProduced)
            {
                File.Delete(path);
            }

            return;
        }

        Assert.Fail(report);
    }

    /// <summary>Line endings, BOM and trailing newlines made uniform, and the generator version scrubbed.</summary>
    public static string Normalize(string text)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        text = GeneratedCodeVersion.Replace(text, $"${{1}}{ScrubbedVersion}${{2}}");
        return text.TrimEnd('\n') + "\n";
    }

    private static string Report(
        string directory,
        string name,
        List<SnapshotFile> news,
        List<(SnapshotFile File, string Verified)> changes,
        string[] noLongerProduced)
    {
        var report = new StringBuilder();
        report.Append($"Snapshots of {name} in {directory} do not match what the generator produced.\n");
        foreach (SnapshotFile file in news)
        {
            report.Append($"  new:                {file.VerifiedName(name)} (received: {file.ReceivedName(name)})\n");
        }

        foreach ((SnapshotFile file, _) in changes)
        {
            report.Append($"  changed:            {file.VerifiedName(name)} (received: {file.ReceivedName(name)})\n");
        }

        foreach (string path in noLongerProduced)
        {
            report.Append($"  no longer produced: {Path.GetFileName(path)}\n");
        }

        foreach ((SnapshotFile file, string verified) in changes)
        {
            report.Append($"\n--- {file.VerifiedName(name)}\n+++ {file.ReceivedName(name)}\n");
            report.Append(UnifiedDiff.Render(verified, file.NormalizedText, MaxDiffLines)).Append('\n');
        }

        foreach (SnapshotFile file in news)
        {
            report.Append($"\n+++ {file.ReceivedName(name)} (new)\n");
            report.Append(UnifiedDiff.Render(string.Empty, file.NormalizedText, MaxDiffLines)).Append('\n');
        }

        report.Append($"\nRead the received files; if they are right, run the tests again with {AcceptVariable}=1 to accept them.");
        return report.ToString();
    }

    private static IEnumerable<string> VerifiedFilesOf(string directory, string name) =>
        FilesOf(directory, name, "verified");

    private static void DeleteReceivedFilesOf(string directory, string name)
    {
        foreach (string path in FilesOf(directory, name, "received"))
        {
            File.Delete(path);
        }
    }

    /// <summary>The test's files of one kind: <c>{name}#*.{kind}.*</c> per generated file and <c>{name}.{kind}.txt</c>.</summary>
    private static string[] FilesOf(string directory, string name, string kind)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        string[] perSource = Directory.GetFiles(directory, $"{name}#*.{kind}.*");
        string diagnostics = Path.Combine(directory, $"{name}.{kind}.txt");
        return File.Exists(diagnostics) ? [.. perSource, diagnostics] : perSource;
    }

    /// <summary>Diagnostics in a stable order, each with its position and the source line marked under its span.</summary>
    private static string DescribeDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        IOrderedEnumerable<Diagnostic> ordered = diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal);
        foreach (Diagnostic diagnostic in ordered)
        {
            text.Append($"{diagnostic.Id} {diagnostic.Severity}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n");
            if (diagnostic.Location.SourceTree is SyntaxTree tree)
            {
                FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
                LinePosition start = span.StartLinePosition;
                LinePosition end = span.EndLinePosition;
                text.Append($"  at {span.Path}: ({start.Line},{start.Character})-({end.Line},{end.Character})\n");
                string line = tree.GetText().Lines[start.Line].ToString();
                int width = Math.Max(1, (end.Line == start.Line ? end.Character : line.Length) - start.Character);
                text.Append($"  | {line}\n  | {new string(' ', start.Character)}{new string('^', width)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Finds the snapshot folder beside the test file. A build with <c>ContinuousIntegrationBuild</c> maps source
    /// paths (<c>/_/...</c>), so a caller path that does not exist is looked up by file name in the test project.
    /// </summary>
    private static string SnapshotDirectoryFor(string testFile)
    {
        string located = File.Exists(testFile) ? testFile : FindInTestProject(Path.GetFileName(testFile));
        return Path.Combine(Path.GetDirectoryName(located)!, SnapshotFolder);
    }

    private static string FindInTestProject(string fileName)
    {
        string project = typeof(SnapshotVerifier).Assembly.GetName().Name + ".csproj";
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, project)))
            {
                string[] matches = Directory
                    .GetFiles(directory.FullName, fileName, SearchOption.AllDirectories)
                    .Where(path => !IsBuildOutput(Path.GetRelativePath(directory.FullName, path)))
                    .ToArray();
                return matches.Length == 1
                    ? matches[0]
                    : throw new InvalidOperationException($"Expected one '{fileName}' under {directory.FullName}, found {matches.Length}.");
            }
        }

        throw new InvalidOperationException($"'{project}' was not found above {AppContext.BaseDirectory}.");
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
        relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

/// <summary>One file of a snapshot: <c>{test}{Suffix}.verified.{Extension}</c>.</summary>
/// <param name="Suffix">What follows the test name: <c>#{HintNameWithoutExtension}</c> for a generated file, empty for diagnostics.</param>
/// <param name="Extension">The extension without its dot: <c>cs</c> or <c>txt</c>.</param>
/// <param name="Text">The content before normalisation.</param>
internal sealed record SnapshotFile(string Suffix, string Extension, string Text)
{
    public string NormalizedText => SnapshotVerifier.Normalize(Text);

    public string VerifiedName(string test) => $"{test}{Suffix}.verified.{Extension}";

    public string ReceivedName(string test) => $"{test}{Suffix}.received.{Extension}";
}
