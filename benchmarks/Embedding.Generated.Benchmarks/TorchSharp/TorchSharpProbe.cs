using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TorchSharp;
using static TorchSharp.torch;

namespace Embedding.Generated.Benchmarks.TorchSharp;

/// <summary>
/// Whether TorchSharp's native library (libtorch) loads in this process. TorchSharp 0.107's native part needs a newer
/// libstdc++ than some machines have (GLIBCXX_3.4.32, which Debian 12 lacks); then its rows are skipped, with the
/// reason, and the suite goes on.
/// </summary>
public static partial class TorchSharpProbe
{
    /// <summary>The category of every TorchSharp benchmark, so that they can be filtered out together.</summary>
    public const string Category = "TorchSharp";

    private static readonly Lazy<string?> FailureReason = new(Probe);

    /// <summary>Whether libtorch loaded and ran a tensor operation.</summary>
    public static bool IsAvailable => FailureReason.Value is null;

    /// <summary>"available", or "skipped: " and why.</summary>
    public static string Status => FailureReason.Value is { } reason ? "skipped: " + reason : "available";

    /// <summary>Throws with the reason when TorchSharp cannot run here (a benchmark's setup calls it).</summary>
    public static void RequireAvailable()
    {
        if (FailureReason.Value is { } reason)
        {
            throw new InvalidOperationException("TorchSharp rows skipped: " + reason);
        }
    }

    private static string? Probe()
    {
        // TorchSharp's loader writes a trace of every path it tries to the console; keep it out of the report.
        TextWriter console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            if (!torch.TryInitializeDeviceType(DeviceType.CPU))
            {
                return "libtorch did not initialise the CPU device";
            }

            using Tensor probe = ones(4, dtype: ScalarType.Float32);
            float sum = probe.sum().item<float>();
            return sum == 4f ? null : $"libtorch computed sum(ones(4)) = {sum}";
        }
        catch (Exception exception)
        {
            return Describe(exception);
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    // TorchSharp's exception lists the paths it tried, not why the dynamic linker refused them: ask the linker.
    private static string Describe(Exception exception)
    {
        string summary = exception.GetType().Name;
        if (exception is TypeInitializationException { InnerException: { } inner })
        {
            summary += " (" + inner.GetType().Name + ")";
        }

        return LinkerError() is { } linker ? $"{summary}: the native library does not load: {linker}" : $"{summary}: {FirstLine(exception.Message)}";
    }

    private static string? LinkerError()
    {
        string fileName = OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        foreach (string path in Directory.EnumerateFiles(AppContext.BaseDirectory, fileName, SearchOption.AllDirectories))
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
            }
            catch (DllNotFoundException notFound)
            {
                Match missing = MissingVersion().Match(notFound.Message);
                return missing.Success ? missing.Value : FirstLine(notFound.Message);
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        string line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return line.Length <= 300 ? line : line[..300] + "...";
    }

    // e.g. "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found"
    [GeneratedRegex(@"[^\s:]+: version `[^']+' not found")]
    private static partial Regex MissingVersion();
}
