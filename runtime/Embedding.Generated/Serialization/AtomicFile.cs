using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Writes a file so that it appears whole or not at all: into a temporary file in the same folder, flushed to disk,
/// then renamed over the final name (a rename within one file system is atomic) and the folder flushed, so that the
/// rename survives a power loss too. A crash or an exception mid-write leaves any previous file under the final name
/// untouched.
/// </summary>
/// <remarks>
/// A process killed mid-save leaves its temporary file behind, and nothing else would ever remove it; so each save
/// first removes the temporary files of the same target that no live save owns. The temporary file is named
/// <c>.{name}.{pid}.{random}.tmp</c> and its owner holds it open with <see cref="FileShare.None"/> while writing it,
/// which is an exclusive lock on Windows and Linux alike (.NET takes an advisory <c>flock</c> on Unix). A file is stale
/// only when both checks say so:
/// <list type="bullet">
/// <item>its process id names no running process. This alone covers the instants when the owner holds no lock: between
/// creating the file and locking it (on Unix these are two calls), and between closing it and renaming it;</item>
/// <item>it can be opened exclusively. This alone covers an owner whose process id means nothing here (another PID
/// namespace, such as a container sharing the folder), and a process id reused by an unrelated process only ever keeps
/// a file that could have gone. (Setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns the lock off; the process id
/// still protects saves in the same PID namespace.)</item>
/// </list>
/// The cleaner opens a stale file exclusively with <see cref="FileOptions.DeleteOnClose"/>, so that no owner can take
/// it back between the check and the deletion. Files named by earlier versions (<c>.{name}.{guid}.tmp</c>, no process
/// id) are removed when they can be opened exclusively.
/// </remarks>
internal static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";

    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write '{path}': the folder '{folder}' does not exist.");
        }

        string name = Path.GetFileName(fullPath);
        RemoveStaleTemporaryFiles(folder, name);
        string temporary = Path.Combine(folder, $"{TemporaryPrefix(name)}{Environment.ProcessId}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        DirectoryFlush.ToDisk(folder);
    }

    private static string TemporaryPrefix(string name) => $".{name}.";

    /// <summary>Best effort: a temporary file that cannot be removed now is left for a later save.</summary>
    private static void RemoveStaleTemporaryFiles(string folder, string name)
    {
        string prefix = TemporaryPrefix(name);

        // Dot files are hidden on Unix, and skipped unless asked for. The pattern is only a first sieve (the name may hold
        // '*' or '?'); the exact test follows.
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true, MatchType = MatchType.Simple };
        foreach (string file in Directory.EnumerateFiles(folder, $"{prefix}*{TemporarySuffix}", options))
        {
            string fileName = Path.GetFileName(file);
            if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || !fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal) ||
                fileName.Length < prefix.Length + TemporarySuffix.Length ||
                !IsOwnerGone(fileName[prefix.Length..^TemporarySuffix.Length]))
            {
                continue;
            }

            try
            {
                // Opening fails while the owner holds it; once open, the file is deleted when this handle closes.
                using var claimed = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Held by a live save, already removed by another cleaner, or not ours to remove.
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="middle"/>, the part of a temporary name between the target's name and <c>.tmp</c>, is
    /// this writer's <c>{pid}.{random}</c> with a process id that no running process has, or an earlier version's bare
    /// <c>{guid}</c>. Anything else is some other file and is kept.
    /// </summary>
    private static bool IsOwnerGone(string middle)
    {
        string[] parts = middle.Split('.');
        if (parts.Length == 1)
        {
            return Guid.TryParseExact(parts[0], "N", out _);
        }

        return parts.Length == 2 &&
               Guid.TryParseExact(parts[1], "N", out _) &&
               int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int processId) &&
               !IsRunning(processId);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // The process exited while it was being looked up.
            return false;
        }
    }
}
