using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace Embedding.Generated.Package.Tests.Infrastructure;

/// <summary>
/// A throw-away console project in a temporary folder that uses this repository the way a user's project does: either
/// project references to the runtime and the generator (loaded as an analyzer), or a <c>PackageReference</c> to the
/// packed NuGet package from a local folder only. Its obj/, bin/ and (for packages) NuGet cache stay in the temporary
/// folder, which <see cref="Dispose"/> deletes.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private const string ProjectFileName = "Consumer.csproj";

    /// <summary>Generous: a cold build of the generator, the runtime and the consumer on a busy 2-core machine.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    // Variables set for every command; a package consumer gets its own NuGet cache so no run sees another's package.
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The temporary folder the project lives in.</summary>
    public string Directory { get; }

    /// <summary>The repository's root: the folder holding Embedding.Generated.sln.</summary>
    public static string Root => RepositoryRoot.Value;

    /// <summary>
    /// Writes a consumer whose only source file is <c>Program.cs</c> with <paramref name="program"/>, referencing the
    /// runtime project and the generator project as an analyzer.
    /// </summary>
    public static ConsumerProject Create(string program)
    {
        string root = RepositoryRoot.Value;
        return Write(program, $"""
                <ProjectReference Include="{Path.Combine(root, "runtime", "Embedding.Generated", "Embedding.Generated.csproj")}" />
                <ProjectReference Include="{Path.Combine(root, "generator", "Embedding.Generated.Generator", "Embedding.Generated.Generator.csproj")}"
                                  OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            """);
    }

    /// <summary>
    /// Writes a consumer of the package <c>Embedding.Generated</c> <paramref name="version"/>, restored from
    /// <paramref name="feed"/> alone (a nuget.config that clears every other source) into a NuGet cache of its own.
    /// </summary>
    public static ConsumerProject CreateFromPackage(string program, string feed, string version)
    {
        ConsumerProject consumer = Write(program, $"""
                <PackageReference Include="Embedding.Generated" Version="{version}" />
            """);
        File.WriteAllText(Path.Combine(consumer.Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        consumer._environment["NUGET_PACKAGES"] = Path.Combine(consumer.Directory, ".nuget-packages");
        return consumer;
    }

    private static ConsumerProject Write(string program, string items)
    {
        string directory = Path.Combine(Path.GetTempPath(), "Embedding.Generated.Consumer." + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);

        // Empty Directory.Build.* and Directory.Packages.props stop MSBuild from importing any found further up the path.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, ProjectFileName), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return new ConsumerProject(directory);
    }

    /// <summary>
    /// Packs the repository's package at <paramref name="version"/> into <paramref name="feed"/> with <c>dotnet pack</c>.
    /// Only the package version changes, not the assemblies' version, so the repository's builds stay up to date.
    /// </summary>
    public static Task<CommandResult> PackAsync(string feed, string version)
    {
        return DotnetAsync(
            RepositoryRoot.Value,
            new Dictionary<string, string>(),
            "pack", Path.Combine(RepositoryRoot.Value, "runtime", "Embedding.Generated", "Embedding.Generated.csproj"),
            "--output", feed, $"-p:PackageVersion={version}");
    }

    /// <summary>Runs <c>dotnet build</c> on the project.</summary>
    public Task<CommandResult> BuildAsync() => DotnetAsync(Directory, _environment, "build", ProjectFileName);

    /// <summary>Runs <c>dotnet run</c> (build, then run) on the project.</summary>
    public Task<CommandResult> RunAsync() => DotnetAsync(Directory, _environment, "run", "--project", ProjectFileName);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a virus scanner, a slow process exit) leaves the folder to the OS's temp cleanup.
        }
    }

    private static async Task<CommandResult> DotnetAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        // The referenced projects' obj/ and bin/ are shared with every other build of the repository; a concurrent
        // build can hold a file there for a moment. Such failures are retried; any other failure is the result.
        const int Attempts = 3;
        for (int attempt = 1; ; attempt++)
        {
            CommandResult result = await RunProcessAsync(workingDirectory, environment, arguments).ConfigureAwait(false);
            if (attempt == Attempts || !result.FailedOnALockedFile)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromSeconds(5 * attempt)).ConfigureAwait(false);
        }
    }

    private static async Task<CommandResult> RunProcessAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Same configuration as this test assembly, so that the referenced projects' outputs are already up to date.
        start.ArgumentList.Add("--configuration");
        start.ArgumentList.Add(Configuration);

        // No MSBuild node, compiler server or Razor server outlives the command.
        start.ArgumentList.Add("--disable-build-servers");

        // The test host runs inside `dotnet test`, whose MSBuild variables would point the child at the parent's
        // build; the child must find its SDK from scratch, as a user's shell does.
        foreach (string name in InheritedVariableNames())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(CommandTimeout)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            await exited.ConfigureAwait(false);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {CommandTimeout}:\n{Read(output)}");
        }

        // The no-argument overload also waits for the redirected streams to be read to the end.
        process.WaitForExit();
        return new CommandResult(process.ExitCode, Read(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static IEnumerable<string> InheritedVariableNames()
    {
        foreach (string name in Environment.GetEnvironmentVariables().Keys)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                yield return name;
            }
        }
    }

    /// <summary>The <c>dotnet</c> running this test (<c>DOTNET_HOST_PATH</c>), or the first on the path.</summary>
    private static string DotnetExecutable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Configuration { get; } =
        typeof(ConsumerProject).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The folder holding Embedding.Generated.sln, found by walking up from this test assembly.</summary>
    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Embedding.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Embedding.Generated.sln in {AppContext.BaseDirectory} or any folder above it.");
    });
}

/// <summary>What a <c>dotnet</c> command did: its exit code, its standard output and error interleaved, and how long it took.</summary>
internal sealed record CommandResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Whether the command failed because another process held a file it had to write (MSB3021/3026/3027).</summary>
    public bool FailedOnALockedFile =>
        ExitCode != 0 &&
        (Output.Contains("being used by another process", StringComparison.Ordinal) ||
         Output.Contains("MSB3021", StringComparison.Ordinal) ||
         Output.Contains("MSB3026", StringComparison.Ordinal) ||
         Output.Contains("MSB3027", StringComparison.Ordinal));
}
