using System;
using System.IO;
using System.Linq;
using Embedding.Generated.Package.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Package.Tests;

/// <summary>The README is the only map a new contributor gets: its Layout table must name every project there is.</summary>
public sealed class ReadmeLayoutTests
{
    [Fact]
    public void Layout_table_lists_every_project_folder_of_the_repository()
    {
        string root = ConsumerProject.Root;
        string[] layoutRows = File.ReadAllLines(Path.Combine(root, "README.md"))
            .SkipWhile(line => line != "## Layout")
            .TakeWhile(line => line == "## Layout" || !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(layoutRows);

        string[] projectFolders = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Select(project => Path.GetRelativePath(root, Path.GetDirectoryName(project)!).Replace('\\', '/'))
            .Where(folder => !folder.Split('/').Any(part => part is "bin" or "obj" or "artifacts"))
            .ToArray();
        Assert.Contains("tests/Embedding.Generated.Package.Tests", projectFolders);

        // A project is listed by its own row or by its folder's (benchmarks/ covers the suite's projects).
        string[] missing = projectFolders
            .Where(folder => !layoutRows.Any(row => IsListedBy(row, folder)))
            .ToArray();
        Assert.True(missing.Length == 0, "README's Layout table does not list: " + string.Join(", ", missing));
    }

    private static bool IsListedBy(string row, string folder)
    {
        string listed = row.Split('`')[1].TrimEnd('/');
        return folder == listed || folder.StartsWith(listed + "/", StringComparison.Ordinal);
    }
}
