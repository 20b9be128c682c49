using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Reads a weight file with ordinary reads through one open handle, and a table through a staging copy, so that another
/// program changing the file can make a load fail but never crash the process or leave the layer half-written.
/// </summary>
/// <remarks>
/// A memory map was the earlier design: a table was converted straight from the mapped pages, but a file truncated by
/// another process during the copy killed the process with SIGBUS, which no <c>catch</c> can stop. A read past the end
/// is only a short read. The length and last-write time the handle reports when it is opened are compared with those
/// after the table was read, so an in-place rewrite that the file system dates is refused too, instead of mixing old
/// and new rows. Reading through the handle also means a file replaced by a rename (as <see cref="AtomicFile"/> does)
/// is read whole in its old version.
/// </remarks>
internal sealed class WeightFileReader : IDisposable
{
    /// <summary>The bytes read and converted at a time; a whole number of elements of every dtype.</summary>
    internal const int BlockBytes = 1 << 20;

    private readonly SafeFileHandle _handle;
    private readonly string _path;
    private readonly DateTime _lastWriteAtOpen;
    private readonly Action<long>? _afterEachBlock;

    private WeightFileReader(SafeFileHandle handle, string path, Action<long>? afterEachBlock)
    {
        _handle = handle;
        _path = path;
        _afterEachBlock = afterEachBlock;
        Length = RandomAccess.GetLength(handle);
        _lastWriteAtOpen = File.GetLastWriteTimeUtc(handle);
    }

    /// <summary>The file's length in bytes when it was opened.</summary>
    public long Length { get; }

    /// <summary>
    /// Opens the file for reading. Other readers may open it too; on Windows writers are kept out until the load ends,
    /// elsewhere the checks of <see cref="ReadTable"/> catch them. <paramref name="afterEachBlock"/> is a test seam:
    /// it is told how many bytes of the table have been read after each block, so a test can change the file mid-read.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static WeightFileReader Open(string path, Action<long>? afterEachBlock = null) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan), path, afterEachBlock);

    /// <summary>The <paramref name="length"/> bytes from <paramref name="offset"/>, which the caller has checked lie in the file.</summary>
    /// <exception cref="WeightFileException">The file ends before them: it shrank since it was opened.</exception>
    public byte[] Read(long offset, int length)
    {
        byte[] bytes = new byte[length];
        ReadExactly(offset, bytes);
        return bytes;
    }

    /// <summary>What a load checks in the decoded table before it is committed; throwing keeps the destination as it was.</summary>
    public delegate void StagedTableCheck(ReadOnlySpan<float> staged);

    /// <summary>
    /// Decodes the <paramref name="destination"/>.Length elements of <paramref name="dtype"/> from
    /// <paramref name="offset"/> into a staging copy, block by block, then checks that the file did not change while it
    /// was read, runs <paramref name="checkStaged"/> on the decoded values, and only then copies the table into
    /// <paramref name="destination"/>: on any failure the destination is untouched. The staging copy is native memory,
    /// freed as soon as the table is in place.
    /// </summary>
    /// <exception cref="WeightFileException">The file shrank, grew or was rewritten while it was read, or the check refused the values.</exception>
    public unsafe void ReadTable(long offset, string dtype, int elementSize, bool bigEndian, Span<float> destination, StagedTableCheck checkStaged)
    {
        int count = destination.Length;
        float* staging = (float*)NativeMemory.Alloc((nuint)Math.Max(count, 1), sizeof(float));
        byte[] block = new byte[BlockBytes];
        try
        {
            var staged = new Span<float>(staging, count);
            int elementsPerBlock = BlockBytes / elementSize;
            for (int done = 0; done < count; done += elementsPerBlock)
            {
                int elements = Math.Min(elementsPerBlock, count - done);
                Span<byte> bytes = block.AsSpan(0, elements * elementSize);
                long read = (long)done * elementSize;
                ReadExactly(offset + read, bytes);
                LittleEndianFloats.Convert(dtype, bytes, staged.Slice(done, elements), bigEndian);
                _afterEachBlock?.Invoke(read + bytes.Length);
            }

            EnsureUnchanged();
            checkStaged(staged);
            staged.CopyTo(destination);
        }
        finally
        {
            NativeMemory.Free(staging);
        }
    }

    public void Dispose() => _handle.Dispose();

    private void ReadExactly(long offset, Span<byte> destination)
    {
        // A read of a regular file returns less than asked only at its end (or when interrupted), so loop until done.
        while (!destination.IsEmpty)
        {
            int read = RandomAccess.Read(_handle, destination, offset);
            if (read == 0)
            {
                throw new WeightFileException(
                    _path,
                    $"the file ended at byte {offset}, but it was {Length} bytes when the load began: another program truncated it while it was being read. The layer is unchanged.");
            }

            offset += read;
            destination = destination[read..];
        }
    }

    private void EnsureUnchanged()
    {
        long length = RandomAccess.GetLength(_handle);
        DateTime lastWrite = File.GetLastWriteTimeUtc(_handle);
        if (length != Length || lastWrite != _lastWriteAtOpen)
        {
            throw new WeightFileException(
                _path,
                $"the file changed while it was being read (length {Length} -> {length} bytes, last written {_lastWriteAtOpen:O} -> {lastWrite:O}), so the rows read may mix two versions. The layer is unchanged; load again once the writer is done.");
        }
    }
}
