using System;
using System.IO.MemoryMappedFiles;

namespace Embedding.Generated.Serialization;

/// <summary>The bytes of a memory-mapped view as a span, so a file is read in place rather than copied into a buffer.</summary>
internal sealed unsafe class MappedBytes : IDisposable
{
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly long _length;

    public MappedBytes(MemoryMappedViewAccessor view, long length)
    {
        if (length > int.MaxValue)
        {
            throw new NotSupportedException($"Files over {int.MaxValue} bytes are not supported yet; this one is {length}.");
        }

        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + view.PointerOffset;
    }

    public ReadOnlySpan<byte> Span => new(_pointer, (int)_length);

    public void Dispose() => _view.SafeMemoryMappedViewHandle.ReleasePointer();
}
