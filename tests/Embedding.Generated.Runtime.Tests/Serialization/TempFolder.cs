using System;
using System.IO;
using System.Linq;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullName = Path.Combine(Path.GetTempPath(), $"embedding-serialization-{Guid.NewGuid():N}");
        Directory.CreateDirectory(FullName);
    }

    public string FullName { get; }

    /// <summary>The full path of <paramref name="name"/> inside the folder (the file need not exist).</summary>
    public string File(string name) => Path.Combine(FullName, name);

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="name"/> and returns its full path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The names of every file and folder in the folder, hidden ones included, sorted ordinally.</summary>
    public string[] Entries() =>
        Directory.EnumerateFileSystemEntries(FullName)
            .Select(entry => Path.GetFileName(entry))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public void Dispose()
    {
        if (Directory.Exists(FullName))
        {
            Directory.Delete(FullName, recursive: true);
        }
    }
}
