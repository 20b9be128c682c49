using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Embedding.Generated;

/// <summary>
/// A table of floats whose first element starts on a 64-byte cache-line boundary and stays there: the storage of a
/// generated layer's weights. A .NET array starts wherever the allocator put it (any multiple of 8 bytes), so a row of
/// 64 floats would straddle five cache lines instead of four, and every vector load that crosses a line costs two. The
/// table is allocated on the pinned object heap with up to 15 floats of slack in front, so the garbage collector never
/// moves it off the boundary (and never moves it at all: optimizers recognise a layer's table by its address). When asked to (<see cref="TransparentHugePages"/>), tables of 16 MB or more start on a
/// 2 MB boundary instead and, on Linux, ask for 2 MB pages. Tables of 4 MB or more are also staggered: each starts a
/// different multiple of 4160 bytes (a page and a line) past its boundary, so that the tables a training step streams
/// through together (weights, gradient, optimizer slots) never sit at the same address modulo a large power of two.
/// The collector gives each large array a region of its own at such addresses (two 244 MB tables made one after the
/// other lie exactly 256 MB apart), and then the loads and stores of a pass over several of them contend for the same
/// cache and predictor entries: an RMSprop pass over three 244 MB buffers took 104 ms at exactly 256 MB spacing and
/// 27 to 30 ms at 256 MB plus 4160 bytes, 64 KB, 1 MB or 4 MB. Public so that generated code in user assemblies can
/// hold it; not meant for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AlignedTable
{
    private const int AlignmentBytes = 64;
    private const int SlackFloats = (AlignmentBytes / sizeof(float)) - 1;

    /// <summary>Tables of at least this many bytes are staggered.</summary>
    internal const long StaggerMinimumBytes = 4L * 1024 * 1024;

    /// <summary>One step of stagger: a 4 KB page and a 64-byte line, so both the page and the line within it differ.</summary>
    internal const int StaggerStepBytes = 4096 + AlignmentBytes;

    /// <summary>How many different staggers tables made one after another cycle through.</summary>
    internal const int StaggerSteps = 16;

    private static int s_staggerTurn;

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
        long bytes = (long)length * sizeof(float);
        bool hugePages = TransparentHugePages.ShouldAdvise(bytes);
        int boundaryBytes = hugePages ? TransparentHugePages.PageBytes : AlignmentBytes;
        int staggerFloats = bytes >= StaggerMinimumBytes ? NextStaggerFloats() : 0;
        int slackFloats = (boundaryBytes / sizeof(float)) - 1 + staggerFloats;
        if (length > Array.MaxLength - slackFloats)
        {
            // No room for the padding: the largest tables keep the allocator's placement, pinned too, since optimizers
            // recognise a layer's table by its address.
            return new AlignedTable(GC.AllocateArray<float>(length, pinned: true), 0, length);
        }

        if (!hugePages)
        {
            float[] array = GC.AllocateArray<float>(length + slackFloats, pinned: true);
            return new AlignedTable(array, FloatsToBoundary(array, boundaryBytes) + staggerFloats, length);
        }

        // Uninitialized, so that no page of the table is touched before the advice; the table is then cleared, which
        // faults its pages in as 2 MB pages where the kernel has them.
        float[] uninitialized = GC.AllocateUninitializedArray<float>(length + slackFloats, pinned: true);
        int boundary = FloatsToBoundary(uninitialized, boundaryBytes);
        TransparentHugePages.Advise(AddressOf(ref uninitialized[boundary]), bytes + ((long)staggerFloats * sizeof(float)));
        uninitialized.AsSpan(boundary + staggerFloats, length).Clear();
        return new AlignedTable(uninitialized, boundary + staggerFloats, length);
    }

    /// <summary>The address of the array's first element, before any padding (for tests of the placement).</summary>
    internal nint ArrayAddress => AddressOf(ref MemoryMarshal.GetArrayDataReference(_array));

    // Tables made one after another take the steps in turn (a power of two, so the mask stays in range when the turn
    // counter wraps); threads racing for a turn at worst share a step.
    private static int NextStaggerFloats() =>
        (Interlocked.Increment(ref s_staggerTurn) & (StaggerSteps - 1)) * (StaggerStepBytes / sizeof(float));

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
