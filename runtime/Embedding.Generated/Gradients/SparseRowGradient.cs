using System;
using System.ComponentModel;

namespace Embedding.Generated;

/// <summary>
/// The gradient of an embedding table as a set of rows: each row that a batch touched appears once, with the sum
/// of the gradients of every position that looked it up. A training step then costs what the batch touches, not
/// the size of the table (PyTorch's <c>sparse=True</c>, TensorFlow's <c>IndexedSlices</c> after deduplication).
/// </summary>
/// <remarks>
/// Rows are listed in the order they were first touched. Storage grows as needed and is kept across
/// <see cref="Clear"/>, so a warm instance allocates nothing. <see cref="Clear"/> costs the rows held, not the table.
/// An instance is not thread-safe.
/// </remarks>
public sealed class SparseRowGradient
{
    private const int NoSlot = -1;

    // Row -> slot, or NoSlot. Allocated on first use (4 bytes per table row) and reset only where rows were touched.
    private int[]? _slotOfRow;
    private int[] _rows = [];
    // Row k at k * OutputDim, on a cache-line boundary like the table (AlignedTable), so that a held row of 64 floats
    // spans four lines, not five.
    private AlignedTable _values = AlignedTable.Allocate(0);
    // Per position of the last AssignSlots call: the slot, or ~slot where that call created the slot.
    private int[] _positionSlots = [];

    /// <summary>Creates an empty gradient for a table of <paramref name="inputDim"/> x <paramref name="outputDim"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is out of range.</exception>
    public SparseRowGradient(int inputDim, int outputDim)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDim);
        ArgumentOutOfRangeException.ThrowIfNegative(outputDim);
        InputDim = inputDim;
        OutputDim = outputDim;
    }

    /// <summary>Rows in the table this gradient belongs to.</summary>
    public int InputDim { get; }

    /// <summary>Length of each row.</summary>
    public int OutputDim { get; }

    /// <summary>How many distinct rows are held.</summary>
    public int Count { get; private set; }

    /// <summary>The row index of each held row, in the order they were first touched.</summary>
    public ReadOnlySpan<int> Rows => _rows.AsSpan(0, Count);

    /// <summary>The summed gradients, <c>Count x OutputDim</c>, row <c>k</c> belonging to <c>Rows[k]</c>.</summary>
    public Span<float> Values => _values.Span[..(Count * OutputDim)];

    /// <summary>The summed gradient of the <paramref name="k"/>-th held row (the row <c>Rows[k]</c>).</summary>
    public Span<float> GetRowGradient(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Count);
        return _values.Span.Slice(k * OutputDim, OutputDim);
    }

    /// <summary>Forgets every row, in time proportional to <see cref="Count"/>.</summary>
    public void Clear()
    {
        if (_slotOfRow is not null)
        {
            foreach (int row in Rows)
            {
                _slotOfRow[row] = NoSlot;
            }
        }

        Count = 0;
    }

    /// <summary>Adds every held row into a dense <c>InputDim x OutputDim</c> gradient.</summary>
    /// <exception cref="ArgumentException"><paramref name="dense"/> does not have <c>InputDim x OutputDim</c> elements.</exception>
    public void AddTo(Span<float> dense)
    {
        EmbeddingGuard.ValidateTableLength(dense.Length, InputDim, OutputDim, nameof(dense));
        for (int k = 0; k < Count; k++)
        {
            Span<float> target = dense.Slice(_rows[k] * OutputDim, OutputDim);
            ReadOnlySpan<float> source = _values.Span.Slice(k * OutputDim, OutputDim);
            for (int j = 0; j < target.Length; j++)
            {
                target[j] += source[j];
            }
        }
    }

    /// <summary>
    /// For generated layers: makes sure each id has a slot and returns, per position, its slot, or the complement
    /// <c>~slot</c> where this call created the slot (its values are then unset and must be written, not added to).
    /// </summary>
    /// <param name="ids">Ids already checked to lie in <c>[0, InputDim)</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlySpan<int> AssignSlots(ReadOnlySpan<int> ids)
    {
        int[] slotOfRow = _slotOfRow ??= CreateEmptySlotMap(InputDim);
        EnsureCapacity(Math.Min(InputDim, Count + ids.Length), ids.Length);

        Span<int> positionSlots = _positionSlots.AsSpan(0, ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            int row = ids[i];
            int slot = slotOfRow[row];
            if (slot == NoSlot)
            {
                slot = Count++;
                slotOfRow[row] = slot;
                _rows[slot] = row;
                positionSlots[i] = ~slot;
            }
            else
            {
                positionSlots[i] = slot;
            }
        }

        return positionSlots;
    }

    /// <summary>For generated layers: the first value of slot 0. Valid until the next <see cref="AssignSlots"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ref float GetValuesReference() => ref _values.First;

    private static int[] CreateEmptySlotMap(int inputDim)
    {
        int[] map = GC.AllocateUninitializedArray<int>(inputDim);
        map.AsSpan().Fill(NoSlot);
        return map;
    }

    private void EnsureCapacity(int rowCapacity, int positions)
    {
        if (_rows.Length < rowCapacity)
        {
            int newCapacity = Math.Min(InputDim, Math.Max(rowCapacity, _rows.Length * 2));
            Array.Resize(ref _rows, newCapacity);
            AlignedTable values = AlignedTable.Allocate(checked(newCapacity * OutputDim));
            Values.CopyTo(values.Span);
            _values = values;
        }

        if (_positionSlots.Length < positions)
        {
            _positionSlots = new int[Math.Max(positions, _positionSlots.Length * 2)];
        }
    }
}
