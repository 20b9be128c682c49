using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated;

/// <summary>
/// A table of floats whose first element starts on a 64-byte cache-line boundary and stays there: the storage of a
/// generated layer's weights. A .NET array starts wherever the allocator put it (any multiple of 8 bytes), so a row of
/// 64 floats would straddle five cache lines instead of four, and every vector load that crosses a line costs two. The
/// table is allocated on the pinned object heap with up to 15 floats of slack in front, so the garbage collector never
/// moves it off the boundary. When asked to (<see cref="TransparentHugePages"/>), tables of 16 MB or more start on a
/// 2 MB boundary instead and, on Linux, ask for 2 MB pages. Public so that generated code in user assemblies can hold
/// it; not meant for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AlignedTable
{
    private const int AlignmentBytes = 64;
    private const int SlackFloats = (AlignmentBytes / sizeof(float)) - 1;

    private readonly float[] _array;
    private readonly int _start;

    private AlignedTable(float[] array, int start, int length)
    {
        _array = array;
        _start = start;
        Length = length;
    }

    /// <summary>The number of floats in the table.</summary>
    public int Length { get; }

    /// <summary>The table.</summary>
    public Span<float> Span => new(_array, _start, Length);

    /// <summary>The table as <see cref="Memory{T}"/>, for a caller that keeps it (a generated layer's dense gradient).</summary>
    public Memory<float> Memory => new(_array, _start, Length);

    /// <summary>The first float of the table, on a 64-byte boundary (unless the table is too large to pad).</summary>
    public ref float First => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _start);

    /// <summary>A table of <paramref name="length"/> zeros.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static AlignedTable Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        const int HugePageSlackFloats = (TransparentHugePages.PageBytes / sizeof(float)) - 1;
        if (TransparentHugePages.ShouldAdvise((long)length * sizeof(float)) && length <= Array.MaxLength - HugePageSlackFloats)
        {
            return AllocateOnHugePages(length, HugePageSlackFloats);
        }

        if (length > Array.MaxLength - SlackFloats)
        {
            // No room for the padding: the largest tables keep the allocator's placement.
            return new AlignedTable(new float[length], 0, length);
        }

        float[] array = GC.AllocateArray<float>(length + SlackFloats, pinned: true);
        return new AlignedTable(array, FloatsToBoundary(array, AlignmentBytes), length);
    }

    // Uninitialized, so that no page of the table is touched before the advice; the table is then cleared, which faults
    // its pages in as 2 MB pages where the kernel has them.
    private static AlignedTable AllocateOnHugePages(int length, int slackFloats)
    {
        float[] array = GC.AllocateUninitializedArray<float>(length + slackFloats, pinned: true);
        int start = FloatsToBoundary(array, TransparentHugePages.PageBytes);
        TransparentHugePages.Advise(AddressOf(ref array[start]), (long)length * sizeof(float));
        array.AsSpan(start, length).Clear();
        return new AlignedTable(array, start, length);
    }

    // Pinned, so the address read here holds for the array's lifetime. Arrays start on 8-byte boundaries, so the
    // distance to a boundary of 64 bytes or more is a whole number of floats.
    private static int FloatsToBoundary(float[] array, int boundaryBytes)
    {
        nint address = AddressOf(ref MemoryMarshal.GetArrayDataReference(array));
        return (int)((boundaryBytes - (address & (boundaryBytes - 1))) & (boundaryBytes - 1)) / sizeof(float);
    }

    private static unsafe nint AddressOf(ref float value) => (nint)Unsafe.AsPointer(ref value);

    /// <summary>A table holding a copy of <paramref name="values"/>.</summary>
    public static AlignedTable CopyOf(ReadOnlySpan<float> values)
    {
        AlignedTable table = Allocate(values.Length);
        values.CopyTo(table.Span);
        return table;
    }
}
