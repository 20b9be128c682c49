using System;
using System.IO;
using System.IO.MemoryMappedFiles;

namespace Embedding.Generated.Serialization;

/// <summary>
/// A file mapped into memory for reading in place: a table is converted straight from the mapped bytes into the layer,
/// never copied into a buffer first, and files over 2 GB are read in slices.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        _map = map;
        _view = view;
        Length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + view.PointerOffset;
    }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Maps the whole of a non-empty file for reading.</summary>
    public static MappedFile Open(string path, long length)
    {
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        try
        {
            MemoryMappedViewAccessor view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            return new MappedFile(map, view, length);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>The <paramref name="length"/> bytes from <paramref name="offset"/>, which the caller has checked lie in the file.</summary>
    public ReadOnlySpan<byte> Slice(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Bytes {offset} to {offset + length} are not all inside the file of {Length} bytes.");
        }

        return new ReadOnlySpan<byte>(_start + offset, length);
    }

    /// <summary>
    /// Decodes the elements of <paramref name="dtype"/> that start at <paramref name="offset"/> into
    /// <paramref name="destination"/>, a slice at a time so that no span exceeds 2 GB.
    /// </summary>
    public void ConvertInto(long offset, string dtype, int elementSize, bool bigEndian, Span<float> destination)
    {
        const int ElementsPerSlice = 1 << 26;
        for (int done = 0; done < destination.Length; done += ElementsPerSlice)
        {
            int count = Math.Min(ElementsPerSlice, destination.Length - done);
            ReadOnlySpan<byte> bytes = Slice(offset + ((long)done * elementSize), count * elementSize);
            LittleEndianFloats.Convert(dtype, bytes, destination.Slice(done, count), bigEndian);
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
