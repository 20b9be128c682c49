using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using Embedding.Generated.Constraints;
using Embedding.Generated.Parameters;
using Embedding.Generated.Regularizers;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// A Keras 3 optimizer that updates an embedding table. Two modes, each one call:
/// <list type="bullet">
/// <item><b>Dense</b> (<see cref="Step(Span{float}, ReadOnlySpan{float})"/>): exactly Keras. The gradient covers the whole
/// table (rows no id used have gradient 0), and every weight's slots update every step, so with momentum or Adam a row
/// the batch left out still moves. Costs the table size per step.</item>
/// <item><b>Lazy sparse</b> (<see cref="Step(Span{float}, SparseRowGradient)"/>): only the rows in the gradient and
/// their slots change, as TensorFlow's LazyAdam and PyTorch's SparseAdam do. Costs the rows touched per step. For plain
/// SGD and Adagrad without a penalty the two agree, because a zero gradient changes nothing there.</item>
/// </list>
/// </summary>
/// <remarks>
/// Slots (Keras 3 names, see <see cref="SlotNames"/>) are allocated on the first step for the table's size and kept;
/// a step allocates nothing after that. A first sparse step lays them out row by row (a row's values of every slot
/// side by side, so that a touched row is one run of memory rather than one per slot); a first dense step lays out
/// each slot whole. <see cref="GetSlot"/> returns the same values in either layout. Hyperparameters are held as
/// doubles, as Keras holds them (Python floats), so that terms such as <c>1 - beta_2</c> are computed before rounding
/// to float32, as Keras computes them; every per-weight operation is float32, as in Keras.
/// <para>
/// The slots belong to the table of the first step (until <see cref="Reset"/>): a step on another table, even of the same
/// size, throws <see cref="ArgumentException"/> before any weight changes. A table is recognised by where it lies. A
/// generated layer's table never moves, and an <see cref="Training.EmbeddingTrainer"/> names its layer, so through the
/// layer's <c>ApplySparseStep</c> and the trainer another table is always recognised. A span passed to
/// <see cref="Step(Span{float}, ReadOnlySpan{float})"/> may be an unpinned array that the garbage collector moves, so
/// another table given that way is recognised only if no collection ran since the last
/// step (a moved table must not be refused).
/// </para>
/// </remarks>
public abstract class Optimizer
{
    private readonly string[] _slotNames;
    // The generated layers prefetch above this table size too (their generator's PrefetchTableBytes): below it, the
    // table and slots mostly stay in cache and prefetching only adds instructions.
    private const long PrefetchTableBytes = 4L << 20;
    private const int RowPrefetchDistance = 8;

    // The slots' values in segments of B = _slotBlockLength values: segment b * slotCount + s holds slot s's values of
    // the weights [b * B, (b + 1) * B). B is the row length after a first sparse step, so a touched row's slots are
    // side by side: one random page and one run to prefetch instead of one per slot, which is what a lazy step over a
    // large table waits on. After a first dense step B is the table length: each slot whole, as Keras holds it.
    // Consecutive segments share an array, 2^_segmentsPerChunkLog2 of them, so that no array exceeds 2^30 values. Each
    // starts on a cache-line boundary, so with rows of a multiple of 16 floats a row's slots span only the lines they need.
    private AlignedTable[] _slotChunks = [];
    private int _slotBlockLength;
    private int _segmentsPerChunkLog2;
    // The reusable pass of a split lazy step (a RowStepPass<TRowLength>), so that a step allocates nothing.
    private object? _rowStepPass;
    // The weight count the slots were made for; -1 before the first step.
    private int _tableLength = -1;
    // The table the slots were made for; null before the first step.
    private TableIdentity? _table;
    private float _learningRate;

    /// <summary>Creates the optimizer with its slot names.</summary>
    protected Optimizer(float learningRate, params string[] slotNames)
    {
        LearningRate = learningRate;
        _slotNames = slotNames;
    }

    /// <summary>The most values one array of the slots holds when it holds more than one segment (a test lowers it).</summary>
    internal int MaxSlotChunkValues { get; set; } = 1 << 30;

    /// <summary>The step size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = NumberGuard.Require(value, nameof(LearningRate), ParameterRanges.Optimizer.LearningRate.Range);
    }

    /// <summary>How many steps were taken (Keras's <c>iterations</c>); the step number of the next step is this + 1.</summary>
    public long Iterations { get; private set; }

    /// <summary>The Keras 3 names of this optimizer's slots, e.g. <c>momentum</c> and <c>velocity</c> for Adam.</summary>
    public IReadOnlyList<string> SlotNames => _slotNames;

    /// <summary>
    /// A copy of a slot's values, one per weight in the table's order (as Keras holds the slot variable), or an empty
    /// array before the first step.
    /// </summary>
    /// <exception cref="ArgumentException">The optimizer has no slot of that name.</exception>
    public float[] GetSlot(string name)
    {
        int index = Array.IndexOf(_slotNames, name);
        if (index < 0)
        {
            throw new ArgumentException($"{GetType().Name} has no slot '{name}'; its slots are: {string.Join(", ", _slotNames)}.", nameof(name));
        }

        if (_tableLength < 0)
        {
            return [];
        }

        var values = new float[_tableLength];
        for (int start = 0; start < _tableLength; start += _slotBlockLength)
        {
            Slot(index, start, _slotBlockLength).CopyTo(values.AsSpan(start));
        }

        return values;
    }

    /// <summary>Dense, Keras-identical step: applies <paramref name="gradient"/> (one value per weight) to every weight.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the table is not the one this optimizer has been stepping.</exception>
    public void Step(Span<float> weights, ReadOnlySpan<float> gradient) => Step(weights, gradient, tableOwner: null);

    /// <summary>The dense step, for a caller that knows the object the table belongs to (a trainer, its layer).</summary>
    internal void Step(Span<float> weights, ReadOnlySpan<float> gradient, object? tableOwner)
    {
        EmbeddingGuard.ValidateSameLength(gradient.Length, weights.Length, nameof(gradient));
        EnsureSlots(weights, blockLength: weights.Length, tableOwner);
        var step = new StepContext(Iterations + 1, LearningRate);
        BeginStep(step);
        UpdateByBlock(weights, gradient, 0, step);
        Iterations++;
    }

    /// <summary>Lazy sparse step: updates only the rows held in <paramref name="gradient"/>, and only their slots.</summary>
    /// <exception cref="ArgumentException">The table does not have the gradient's shape, or is not the one this optimizer has been stepping.</exception>
    public void Step(Span<float> weights, SparseRowGradient gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        int outputDim = gradient.OutputDim;
        EmbeddingGuard.ValidateTableLength(weights.Length, gradient.InputDim, outputDim, nameof(weights));
        EnsureSlots(weights, blockLength: outputDim, tableOwner: null);
        var step = new StepContext(Iterations + 1, LearningRate);
        BeginStep(step);
        ReadOnlySpan<int> rows = gradient.Rows;
        bool prefetch = (long)weights.Length * sizeof(float) > PrefetchTableBytes;
        for (int k = 0; k < rows.Length; k++)
        {
            if (prefetch && k + RowPrefetchDistance < rows.Length)
            {
                PrefetchRow(weights, rows[k + RowPrefetchDistance] * outputDim, outputDim);
            }

            int offset = rows[k] * outputDim;
            UpdateByBlock(weights.Slice(offset, outputDim), gradient.GetRowGradient(k), offset, step);
        }

        Iterations++;
    }

    /// <summary>
    /// Lazy sparse step fused per row, for generated layers (their <c>ApplySparseStep</c>): for each row in
    /// <paramref name="gradient"/>, the penalty's gradient is added, the optimizer updates the row and its slots, and a
    /// row-wise constraint projects it, while the row is in cache; the update is compiled for the constant row length
    /// <typeparamref name="TRowLength"/>. A constraint over axis 0 projects the whole table afterwards. The penalty's
    /// gradient is added into <paramref name="gradient"/>, which then holds what the optimizer was given.
    /// <paramref name="tableOwner"/> is the object the table belongs to (a generated layer passes itself), by which the
    /// optimizer knows its table exactly; without it, a table at another address is taken for another one only when no
    /// garbage collection could have moved it there.
    /// </summary>
    /// <exception cref="ArgumentException">The gradient's rows are not <typeparamref name="TRowLength"/> long, the table does not have the gradient's shape, or it is not the one this optimizer has been stepping.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void StepRows<TRowLength>(
        Span<float> weights, SparseRowGradient gradient, IRegularizer? regularizer = null, IConstraint? constraint = null, object? tableOwner = null)
        where TRowLength : struct, IRowLength
    {
        ArgumentNullException.ThrowIfNull(gradient);
        int rowLength = TRowLength.Value;
        EmbeddingGuard.ValidateSparseGradient(gradient, gradient.InputDim, rowLength, nameof(gradient));
        EmbeddingGuard.ValidateTableLength(weights.Length, gradient.InputDim, rowLength, nameof(weights));
        EnsureSlots(weights, blockLength: rowLength, tableOwner);
        var step = new StepContext(Iterations + 1, LearningRate);
        BeginStep(step);
        IConstraint? rowConstraint = constraint is { IsRowWise: true } ? constraint : null;
        int parts = IsSafeToSplit(regularizer, rowConstraint) ? RowParallelism.PartsFor(gradient.Count, rowLength) : 1;
        if (parts > 1)
        {
            StepRowsSplit<TRowLength>(weights, gradient, regularizer, rowConstraint, step, parts);
        }
        else
        {
            StepRowRange<TRowLength>(weights, gradient, 0, gradient.Count, regularizer, rowConstraint, step);
        }

        if (constraint is { IsRowWise: false })
        {
            constraint.Apply(weights, gradient.InputDim, rowLength);
        }

        Iterations++;
    }

    /// <summary>
    /// The fused per-row step for held rows <c>[start, end)</c>. The table and slots are too large for the cache when
    /// this matters, so the loop is bound by memory latency: the weight row and slot rows of the row
    /// <see cref="RowPrefetchDistance"/> ahead are requested while this row is updated.
    /// </summary>
    private void StepRowRange<TRowLength>(
        Span<float> weights, SparseRowGradient gradient, int start, int end, IRegularizer? regularizer, IConstraint? rowConstraint, in StepContext step)
        where TRowLength : struct, IRowLength
    {
        int rowLength = TRowLength.Value;
        ReadOnlySpan<int> rows = gradient.Rows;
        bool prefetch = (long)weights.Length * sizeof(float) > PrefetchTableBytes;
        // Slots laid out for another row length (the same weight count, another shape) may split a row.
        bool rowsInOneBlock = _slotBlockLength % rowLength == 0;
        for (int k = start; k < end; k++)
        {
            if (prefetch && k + RowPrefetchDistance < end)
            {
                PrefetchRow(weights, rows[k + RowPrefetchDistance] * rowLength, rowLength);
            }

            int offset = rows[k] * rowLength;
            Span<float> row = weights.Slice(offset, rowLength);
            Span<float> rowGradient = gradient.GetRowGradient(k);
            regularizer?.AddGradient(row, rowGradient);
            if (rowsInOneBlock)
            {
                UpdateRow<TRowLength>(row, rowGradient, offset, step);
            }
            else
            {
                UpdateByBlock(row, rowGradient, offset, step);
            }

            rowConstraint?.ApplyToRow(row);
        }
    }

    private unsafe void StepRowsSplit<TRowLength>(
        Span<float> weights, SparseRowGradient gradient, IRegularizer? regularizer, IConstraint? rowConstraint, in StepContext step, int parts)
        where TRowLength : struct, IRowLength
    {
        // Held rows are distinct, so parts over disjoint ranges of them write disjoint weights, slots and gradient rows.
        var pass = _rowStepPass as RowStepPass<TRowLength> ?? new RowStepPass<TRowLength>(this);
        _rowStepPass = pass;
        fixed (float* table = weights)
        {
            pass.Set(table, weights.Length, gradient, regularizer, rowConstraint, step);
            try
            {
                CoreWorkers.Run(pass, parts);
            }
            finally
            {
                pass.Clear();
            }
        }
    }

    // Other threads may run a split step's parts, so it is only split when every component is one of this library's
    // own, whose per-row methods write nothing but the row and its slots; anything else runs on the calling thread.
    private bool IsSafeToSplit(IRegularizer? regularizer, IConstraint? rowConstraint) =>
        IsOwnType(this) && (regularizer is null || IsOwnType(regularizer)) && (rowConstraint is null || IsOwnType(rowConstraint));

    private static bool IsOwnType(object component) => component.GetType().Assembly == typeof(Optimizer).Assembly;

    private void PrefetchRow(Span<float> weights, int offset, int length)
    {
        RowPrefetch.Row(ref weights[offset], length * sizeof(float));
        // Slots laid out for another row length hold only the part of the row up to their block's end in one run.
        int slotLength = Math.Min(length, _slotBlockLength - (offset % _slotBlockLength));
        for (int slot = 0; slot < _slotNames.Length; slot++)
        {
            RowPrefetch.Row(ref MemoryMarshal.GetReference(Slot(slot, offset, slotLength)), slotLength * sizeof(float));
        }
    }

    /// <summary>A split lazy step: the pinned table and the step's arguments, cut into ranges of held rows.</summary>
    private sealed unsafe class RowStepPass<TRowLength> : IPartedPass
        where TRowLength : struct, IRowLength
    {
        private readonly Optimizer _optimizer;
        private float* _table;
        private int _tableLength;
        private SparseRowGradient? _gradient;
        private IRegularizer? _regularizer;
        private IConstraint? _rowConstraint;
        private StepContext _step;

        public RowStepPass(Optimizer optimizer) => _optimizer = optimizer;

        public void Set(float* table, int tableLength, SparseRowGradient gradient, IRegularizer? regularizer, IConstraint? rowConstraint, in StepContext step)
        {
            _table = table;
            _tableLength = tableLength;
            _gradient = gradient;
            _regularizer = regularizer;
            _rowConstraint = rowConstraint;
            _step = step;
        }

        public void Clear()
        {
            _table = null;
            _gradient = null;
            _regularizer = null;
            _rowConstraint = null;
        }

        public void RunPart(int part, int parts)
        {
            (int start, int end) = RowParallelism.PartRange(_gradient!.Count, part, parts);
            _optimizer.StepRowRange<TRowLength>(new Span<float>(_table, _tableLength), _gradient, start, end, _regularizer, _rowConstraint, _step);
        }
    }

    /// <summary>Forgets the slots and the step count, as a new optimizer.</summary>
    public void Reset()
    {
        _slotChunks = [];
        _slotBlockLength = 0;
        _segmentsPerChunkLog2 = 0;
        _tableLength = -1;
        _table = null;
        Iterations = 0;
    }

    /// <summary>
    /// Called once at the start of every step, before any <see cref="Update"/> or <see cref="UpdateRow"/> of it: the place
    /// to compute what is the same for every weight of the step (Adam's bias correction), rather than once per row.
    /// </summary>
    protected virtual void BeginStep(in StepContext step)
    {
    }

    /// <summary>
    /// Applies one step to a run of weights. <paramref name="slotOffset"/> is the index of <c>weights[0]</c> in the
    /// whole table, where its slot values are. The run never crosses a block of the slots' layout, so that
    /// <see cref="Slot"/> gives each slot's values for it as one span.
    /// </summary>
    protected abstract void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step);

    /// <summary>
    /// <see cref="Update"/> for one row of the constant length <typeparamref name="TRowLength"/>: implementations call the
    /// same arithmetic with <c>TRowLength.Value</c>, which the JIT then compiles as a constant.
    /// </summary>
    protected abstract void UpdateRow<TRowLength>(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
        where TRowLength : struct, IRowLength;

    /// <summary>The value every element of slot <paramref name="slotIndex"/> starts at (0 unless overridden).</summary>
    protected virtual float InitialSlotValue(int slotIndex) => 0f;

    /// <summary>
    /// The values of slot <paramref name="slotIndex"/> for the <paramref name="length"/> weights from
    /// <paramref name="offset"/> on, which must be a run <see cref="Update"/> or <see cref="UpdateRow"/> was given (or
    /// part of one).
    /// </summary>
    protected Span<float> Slot(int slotIndex, int offset, int length)
    {
        int block = offset / _slotBlockLength;
        nint segment = ((nint)block * _slotNames.Length) + slotIndex;
        Span<float> chunk = _slotChunks[segment >> _segmentsPerChunkLog2].Span;
        nint segmentInChunk = segment & ((1 << _segmentsPerChunkLog2) - 1);
        return chunk.Slice((int)(segmentInChunk * _slotBlockLength) + (offset - (block * _slotBlockLength)), length);
    }

    // Update over a run of weights, cut where the slots' blocks end.
    private void UpdateByBlock(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
    {
        int done = 0;
        while (done < weights.Length)
        {
            int offset = slotOffset + done;
            int length = Math.Min(weights.Length - done, _slotBlockLength - (offset % _slotBlockLength));
            Update(weights.Slice(done, length), gradient.Slice(done, length), offset, step);
            done += length;
        }
    }

    private void EnsureSlots(Span<float> weights, int blockLength, object? tableOwner)
    {
        int weightCount = weights.Length;
        if (_table is { } table)
        {
            if (_tableLength != weightCount)
            {
                throw new ArgumentException(
                    $"This optimizer holds slots for a table of {_tableLength} weights, but was given {weightCount}; use one optimizer per table, or Reset() it.",
                    nameof(weights));
            }

            if (!table.TryFollow(weights, tableOwner))
            {
                throw new ArgumentException(
                    $"This {GetType().Name} already holds slots for another table of {DescribeTable()}; create one optimizer per table, or Reset() it.",
                    nameof(weights));
            }

            return;
        }

        // Every caller's block length divides the weight count: a row length of the table, or the table's length
        // (either may be 0, for an empty table).
        blockLength = Math.Max(blockLength, 1);
        int slotCount = _slotNames.Length;
        long segments = (long)(weightCount / blockLength) * slotCount;
        int log2 = 0;
        while ((1L << (log2 + 1)) * blockLength <= MaxSlotChunkValues && (1L << log2) < segments)
        {
            log2++;
        }

        var chunks = new AlignedTable[(int)((segments + (1L << log2) - 1) >> log2)];
        for (int c = 0; c < chunks.Length; c++)
        {
            long segmentsHere = Math.Min(1L << log2, segments - ((long)c << log2));
            chunks[c] = AlignedTable.Allocate((int)(segmentsHere * blockLength));
        }

        _slotChunks = chunks;
        _slotBlockLength = blockLength;
        _segmentsPerChunkLog2 = log2;
        _tableLength = weightCount;
        _table = TableIdentity.Of(weights, tableOwner);
        for (int slot = 0; slot < slotCount; slot++)
        {
            float initial = InitialSlotValue(slot);
            if (initial != 0f)
            {
                for (int start = 0; start < weightCount; start += blockLength)
                {
                    Slot(slot, start, blockLength).Fill(initial);
                }
            }
        }
    }

    // The table as its first step saw it: rows x row length after a sparse step, a weight count after a dense one.
    private string DescribeTable() =>
        _slotBlockLength == _tableLength || _tableLength == 0
            ? $"{_tableLength} weights"
            : $"{_tableLength / _slotBlockLength} x {_slotBlockLength}";

    /// <summary>What one step knows besides the weights: its number (1 on the first step) and learning rate.</summary>
    protected readonly record struct StepContext(long Number, float LearningRate);
}
