using System.IO;

namespace Embedding.Generated.Serialization;

/// <summary>
/// A weight file could not be read: it is truncated, its header is malformed, or its tensor does not fit the layer.
/// The message says what was found and what was expected; the layer was left unchanged.
/// </summary>
public sealed class WeightFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public WeightFileException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    /// <summary>Creates the exception for <paramref name="path"/>, keeping the parser's exception as the cause.</summary>
    public WeightFileException(string path, string problem, System.Exception innerException)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }
}
