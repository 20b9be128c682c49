using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated;

/// <summary>
/// The checks generated layers run before they write anything. Each throws an exception that names the value it
/// found and what was expected. Public so that generated code in user assemblies can call it; not meant for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EmbeddingGuard
{
    /// <summary>Throws <see cref="EmbeddingIdOutOfRangeException"/> for the first id outside <c>[0, inputDim)</c>.</summary>
    /// <param name="ids">The ids to check.</param>
    /// <param name="inputDim">The vocabulary size.</param>
    /// <param name="sequenceLength">Length of each sequence, for the message; 0 when unknown.</param>
    /// <param name="paramName">The argument that held the ids.</param>
    public static void ValidateIds(ReadOnlySpan<int> ids, int inputDim, int sequenceLength, string paramName)
    {
        // One unsigned comparison catches negative ids too: they become values of 2^31 or more. Eight ids are checked
        // at a time; a block with a bad id stops the vector loop, and the scalar loop below finds the first one in it.
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref uint start = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetReference(ids));
            Vector256<uint> limit = Vector256.Create((uint)inputDim);
            for (; i <= ids.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                if (Vector256.GreaterThanOrEqualAny(Vector256.LoadUnsafe(ref start, (nuint)i), limit))
                {
                    break;
                }
            }
        }

        for (; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)inputDim)
            {
                throw new EmbeddingIdOutOfRangeException(paramName, ids[i], i, inputDim, sequenceLength);
            }
        }
    }

    /// <summary>Throws <see cref="EmbeddingIdOutOfRangeException"/> unless <paramref name="id"/> lies in <c>[0, inputDim)</c>.</summary>
    public static void ValidateId(int id, int inputDim, string paramName)
    {
        if ((uint)id >= (uint)inputDim)
        {
            throw new EmbeddingIdOutOfRangeException(paramName, id, index: -1, inputDim, sequenceLength: 0);
        }
    }

    /// <summary>Throws unless <paramref name="idCount"/> is a whole number of sequences of <paramref name="inputLength"/>.</summary>
    public static void ValidateWholeSequences(int idCount, int inputLength, string paramName)
    {
        if (idCount % inputLength != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has length {idCount}, which is not a whole number of sequences of InputLength {inputLength}."),
                paramName);
        }
    }

    /// <summary>Throws unless a <c>(ids, OutputDim)</c> buffer has exactly <c>idCount * outputDim</c> elements.</summary>
    public static void ValidateVectorsLength(int actual, int idCount, int outputDim, string paramName)
    {
        long expected = (long)idCount * outputDim;
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has length {actual}, but {idCount} ids x OutputDim {outputDim} need exactly {expected}."),
                paramName);
        }
    }

    /// <summary>Throws unless a <c>(InputDim, OutputDim)</c> buffer has exactly <c>inputDim * outputDim</c> elements.</summary>
    public static void ValidateTableLength(int actual, int inputDim, int outputDim, string paramName)
    {
        long expected = (long)inputDim * outputDim;
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has length {actual}, but the table InputDim {inputDim} x OutputDim {outputDim} needs exactly {expected}."),
                paramName);
        }
    }

    /// <summary>Throws unless two buffers that pair element by element have the same length.</summary>
    public static void ValidateSameLength(int actual, int expected, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has length {actual}, but must have the same length as its pair, {expected}."),
                paramName);
        }
    }

    /// <summary>Throws unless a per-id buffer (a mask) has one element per id.</summary>
    public static void ValidateMaskLength(int actual, int idCount, string paramName)
    {
        if (actual != idCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has length {actual}, but there are {idCount} ids and the mask needs one element per id."),
                paramName);
        }
    }

    /// <summary>Throws unless a 2-D id array's second dimension is the layer's fixed <paramref name="inputLength"/>.</summary>
    public static void ValidateSequenceLength(int actual, int inputLength, string paramName)
    {
        if (actual != inputLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has sequences of length {actual}, but the layer's InputLength is {inputLength}."),
                paramName);
        }
    }

    /// <summary>
    /// Throws unless a <c>(batch, length)</c> id array and the <c>(batch, length, outputDim)</c> floats of its output
    /// each fit in one span (<see cref="int.MaxValue"/> elements), which every pass runs over. Called before the output
    /// is allocated or read: past the limit a <c>float[,,]</c> can still be allocated, but viewing it as a span throws
    /// <see cref="OverflowException"/>, after gigabytes have been allocated for nothing.
    /// </summary>
    public static void ValidateIdArray(int[,] ids, int outputDim, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        int batch = ids.GetLength(0);
        int length = ids.GetLength(1);
        long idCount = (long)batch * length;
        long floatCount = idCount * outputDim;
        if (idCount <= int.MaxValue && floatCount <= int.MaxValue)
        {
            return;
        }

        long perSequence = Math.Max((long)length * Math.Max(outputDim, 1), 1);
        string what = floatCount > int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"its output, ({batch}, {length}, {outputDim}), would hold {floatCount} floats")
            : string.Create(CultureInfo.InvariantCulture, $"it holds {idCount} ids");
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{paramName} has shape ({batch}, {length}): {what}, more than the {int.MaxValue} one span can hold; pass at most {int.MaxValue / perSequence} sequences per call."),
            paramName);
    }

    /// <summary>
    /// The ids of <paramref name="sequences"/>, <paramref name="inputLength"/> to a sequence, as one span. Throws unless
    /// they fit in one (<see cref="int.MaxValue"/> ids); unchecked, the cast would throw <see cref="OverflowException"/>.
    /// </summary>
    /// <typeparam name="TSequence">A layer's <c>Sequence</c>: <paramref name="inputLength"/> ids stored inline.</typeparam>
    public static ReadOnlySpan<int> SequenceIds<TSequence>(ReadOnlySpan<TSequence> sequences, int inputLength, string paramName)
        where TSequence : struct
    {
        long idCount = (long)sequences.Length * inputLength;
        if (idCount > int.MaxValue)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} holds {sequences.Length} sequences of InputLength {inputLength}: {idCount} ids, more than the {int.MaxValue} one span can hold; pass at most {int.MaxValue / inputLength} sequences per call."),
                paramName);
        }

        return MemoryMarshal.Cast<TSequence, int>(sequences);
    }

    /// <summary>Throws unless an output array has the shape <c>(batch, length, outputDim)</c> of the ids.</summary>
    public static void ValidateOutputShape(float[,,] output, int batch, int length, int outputDim, string paramName)
    {
        ArgumentNullException.ThrowIfNull(output, paramName);
        if (output.GetLength(0) != batch || output.GetLength(1) != length || output.GetLength(2) != outputDim)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has shape ({output.GetLength(0)}, {output.GetLength(1)}, {output.GetLength(2)}), but the ids need ({batch}, {length}, {outputDim})."),
                paramName);
        }
    }

    /// <summary>Throws unless a mask array has the shape <c>(batch, length)</c> of the ids.</summary>
    public static void ValidateMaskShape(bool[,] mask, int batch, int length, string paramName)
    {
        ArgumentNullException.ThrowIfNull(mask, paramName);
        if (mask.GetLength(0) != batch || mask.GetLength(1) != length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has shape ({mask.GetLength(0)}, {mask.GetLength(1)}), but the ids need ({batch}, {length})."),
                paramName);
        }
    }

    /// <summary>Throws unless a sparse gradient was made for a table of these dimensions.</summary>
    public static void ValidateSparseGradient(SparseRowGradient gradient, int inputDim, int outputDim, string paramName)
    {
        ArgumentNullException.ThrowIfNull(gradient, paramName);
        if (gradient.InputDim != inputDim || gradient.OutputDim != outputDim)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} holds rows of a {gradient.InputDim} x {gradient.OutputDim} table, but the layer is {inputDim} x {outputDim}."),
                paramName);
        }
    }

    /// <summary>
    /// Throws for a layer whose <c>[EmbeddingLayer]</c> declaration has an error. Its members were generated only so that
    /// the build reports that error alone, not one more per call into the layer; the build fails on the error, so this
    /// runs only where a build went on regardless.
    /// </summary>
    /// <param name="layerName">The layer class.</param>
    /// <param name="diagnosticIds">The errors the declaration has, such as <c>EMB001</c>.</param>
    [DoesNotReturn]
    public static void ThrowInvalidDeclaration(string layerName, string diagnosticIds) =>
        throw new InvalidOperationException(
            $"{layerName} cannot be created: its [EmbeddingLayer] declaration has error {diagnosticIds}, which the build reports. Fix the declaration and build again.");
}
