using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using System.Xml.Linq;
using Embedding.Generated.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Embedding.Generated.Package.Tests;

/// <summary>
/// The NuGet package as a user installs it: packed from this repository into a local folder, then consumed by fresh
/// projects that can reach no other package source. A user who installs it must get the runtime, the generator and
/// the diagnostics from the one package.
/// </summary>
public sealed class PackageConsumeTests(PackedPackage package, ITestOutputHelper output) : IClassFixture<PackedPackage>
{
    [Fact]
    public async Task Package_holds_the_runtime_for_both_frameworks_and_the_generator_analyzers_and_code_fixes()
    {
        string nupkg = await package.PathAsync();
        using ZipArchive archive = ZipFile.OpenRead(nupkg);
        string[] entries = archive.Entries.Select(entry => entry.FullName).ToArray();

        Assert.Contains("lib/net8.0/Embedding.Generated.dll", entries);
        Assert.Contains("lib/net10.0/Embedding.Generated.dll", entries);
        Assert.Contains("lib/net8.0/Embedding.Generated.xml", entries);
        Assert.Contains("lib/net10.0/Embedding.Generated.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/Embedding.Generated.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Embedding.Generated.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);

        // The generator and code fixes travel inside the package: they must not become package dependencies.
        string nuspec = ReadEntry(archive, "Embedding.Generated.nuspec");
        Assert.DoesNotContain("Embedding.Generated.Generator", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", nuspec, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_names_the_repository_of_Directory_Build_props_and_its_help_links_point_into_it()
    {
        // Read from the props file itself, not from the build: the package, and the help links compiled into the
        // generator, must both restate this one setting.
        XDocument props = XDocument.Load(Path.Combine(ConsumerProject.Root, "Directory.Build.props"));
        string repositoryUrl = props.Descendants("RepositoryUrl").Single().Value;
        Assert.StartsWith("https://", repositoryUrl, StringComparison.Ordinal);

        string nupkg = await package.PathAsync();
        using ZipArchive archive = ZipFile.OpenRead(nupkg);
        XElement metadata = XDocument.Parse(ReadEntry(archive, "Embedding.Generated.nuspec")).Root!.Elements()
            .Single(element => element.Name.LocalName == "metadata");
        XElement repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(repositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(repositoryUrl, metadata.Elements().Single(element => element.Name.LocalName == "projectUrl").Value);

        // The descriptors' help links are one constant folded into the generator's string heap.
        string[] strings = UserStrings(ReadBytes(archive, "analyzers/dotnet/cs/Embedding.Generated.Generator.dll"));
        Assert.Contains(repositoryUrl + "/blob/main/docs/diagnostics/", strings);
    }

    [Fact]
    public async Task Packaged_generator_references_a_compiler_old_enough_for_a_dotnet_8_SDK()
    {
        // A compiler extension that references a newer Microsoft.CodeAnalysis than the compiler loading it fails with
        // CS9057; 4.8 is what the oldest .NET 8 SDKs carry.
        string nupkg = await package.PathAsync();
        using ZipArchive archive = ZipFile.OpenRead(nupkg);
        using var generator = new MemoryStream();
        using (Stream entry = archive.GetEntry("analyzers/dotnet/cs/Embedding.Generated.Generator.dll")!.Open())
        {
            entry.CopyTo(generator);
        }

        generator.Position = 0;
        using var reader = new PEReader(generator);
        MetadataReader metadata = reader.GetMetadataReader();
        Version[] roslyn = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Where(reference => metadata.GetString(reference.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(reference => reference.Version)
            .ToArray();

        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, version => Assert.True(version <= new Version(4, 8, 0, 0), $"The generator references Microsoft.CodeAnalysis {version}."));
    }

    [Fact]
    public async Task A_fresh_project_that_installs_the_package_builds_and_runs_a_generated_layer()
    {
        const string Program = """
            using System;
            using Embedding.Generated;

            var layer = new WordEmbedding(seed: 42);
            var ids = new int[32, WordEmbedding.InputLength];
            for (int b = 0; b < 32; b++)
            {
                for (int t = 0; t < WordEmbedding.InputLength; t++)
                {
                    ids[b, t] = (b * 31 + t * 7) % WordEmbedding.InputDim;
                }
            }

            float[,,] output = layer.Forward(ids);
            Console.WriteLine($"shape: ({output.GetLength(0)}, {output.GetLength(1)}, {output.GetLength(2)})");
            Console.WriteLine($"row matches: {output[3, 4, 5] == layer.GetRow(ids[3, 4])[5]}");

            [EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
            public partial class WordEmbedding;
            """;

        using var consumer = ConsumerProject.CreateFromPackage(Program, await package.FeedAsync(), package.Version);
        CommandResult run = await consumer.RunAsync();
        Report("dotnet run (package consumer)", run);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("shape: (32, 10, 64)\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("row matches: True\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_project_that_installs_the_package_gets_EMB001_for_a_bad_attribute()
    {
        const string Program = """
            using Embedding.Generated;

            System.Console.WriteLine("never built");

            [EmbeddingLayer(InputDim = 0, OutputDim = 8)]
            public partial class Bad;
            """;

        using var consumer = ConsumerProject.CreateFromPackage(Program, await package.FeedAsync(), package.Version);
        CommandResult build = await consumer.BuildAsync();
        Report("dotnet build (package consumer, bad attribute)", build);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(
            "Program.cs(5,17): error EMB001: InputDim must be greater than 0 (the vocabulary size, largest id + 1), but is 0",
            build.Output,
            StringComparison.Ordinal);
    }

    private static byte[] ReadBytes(ZipArchive archive, string name)
    {
        using var bytes = new MemoryStream();
        using (Stream entry = archive.GetEntry(name)!.Open())
        {
            entry.CopyTo(bytes);
        }

        return bytes.ToArray();
    }

    private static string[] UserStrings(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        MetadataReader metadata = reader.GetMetadataReader();
        var strings = new List<string>();
        for (UserStringHandle handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            strings.Add(metadata.GetUserString(handle));
        }

        return strings.ToArray();
    }

    private static string ReadEntry(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private void Report(string what, CommandResult result) =>
        output.WriteLine($"{what}: exit code {result.ExitCode} after {result.Elapsed.TotalSeconds:F1} s\n{result.Output}");
}

/// <summary>
/// The package, packed once for the test class into a temporary feed folder, with a version of its own (the cache of
/// each consumer is its own too, so no run can pick up another run's package).
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly string _feed = Path.Combine(Path.GetTempPath(), "Embedding.Generated.Feed." + Guid.NewGuid().ToString("N"));
    private readonly Lazy<Task<string>> _packed;

    public PackedPackage()
    {
        Version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        _packed = new Lazy<Task<string>>(PackAsync);
    }

    /// <summary>The version this run packs under.</summary>
    public string Version { get; }

    /// <summary>The folder holding the .nupkg, once packed.</summary>
    public async Task<string> FeedAsync()
    {
        await _packed.Value;
        return _feed;
    }

    /// <summary>The .nupkg, once packed.</summary>
    public Task<string> PathAsync() => _packed.Value;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_feed, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }

    private async Task<string> PackAsync()
    {
        Directory.CreateDirectory(_feed);
        CommandResult pack = await ConsumerProject.PackAsync(_feed, Version);
        string nupkg = Path.Combine(_feed, $"Embedding.Generated.{Version}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(nupkg))
        {
            throw new InvalidOperationException($"dotnet pack failed (exit code {pack.ExitCode}):\n{pack.Output}");
        }

        return nupkg;
    }
}
