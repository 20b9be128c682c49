using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Reads and writes the safetensors format that PyTorch, Keras 3 and Hugging Face exchange: an 8-byte little-endian
/// header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data.
/// </summary>
/// <remarks>
/// Saving writes one <c>F32</c> tensor (row-major <c>InputDim x OutputDim</c>) atomically. Loading accepts <c>F32</c>,
/// <c>F16</c> and <c>BF16</c>, checks the whole header, the byte ranges and the shape against the layer before it
/// writes a single weight, and reads the data with ordinary reads into a staging copy that reaches the layer only
/// when the file was read whole and unchanged (<see cref="WeightFileReader"/>). Saving streams the rows: no copy of the
/// table is made, and tables of 2 GB and more are written.
/// </remarks>
public static class SafeTensors
{
    /// <summary>The tensor name Keras 3 gives an Embedding's variable.</summary>
    public const string DefaultTensorName = "embeddings";

    // The reference implementation refuses headers over 100 MB; so do we, before allocating anything for one.
    private const long MaxHeaderLength = 100_000_000;
    private const string MetadataKey = "__metadata__";

    private static readonly Dictionary<string, int> ElementSizes = new(StringComparer.Ordinal)
    {
        ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1,
        ["U16"] = 2, ["I16"] = 2, ["F16"] = 2, ["BF16"] = 2,
        ["U32"] = 4, ["I32"] = 4, ["F32"] = 4,
        ["U64"] = 8, ["I64"] = 8, ["F64"] = 8,
    };

    /// <summary>Writes the layer's weights as one F32 tensor named <paramref name="tensorName"/>, with optional string metadata.</summary>
    /// <exception cref="ArgumentException">The tensor name is empty or reserved, or a metadata key is empty.</exception>
    public static void Save(
        IEmbeddingLayer layer,
        string path,
        string tensorName = DefaultTensorName,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(tensorName);
        if (tensorName == MetadataKey)
        {
            throw new ArgumentException($"'{MetadataKey}' is reserved for metadata and cannot name a tensor.", nameof(tensorName));
        }

        byte[] header = WriteHeader(tensorName, layer.InputDim, layer.OutputDim, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            LittleEndianFloats.Write(stream, layer.Weights);
        });
    }

    /// <summary>
    /// Loads the tensor <paramref name="tensorName"/> into the layer, converting F16 and BF16 to float, and reports the
    /// file's metadata and how many of the tensor's values are NaN or infinite. The file is checked in full first; on any
    /// problem the layer is unchanged.
    /// </summary>
    /// <param name="layer">The layer whose weights receive the tensor.</param>
    /// <param name="path">The safetensors file.</param>
    /// <param name="tensorName">The tensor to load.</param>
    /// <param name="rejectNonFinite">Whether a NaN or infinite value makes the load throw instead of being loaded.</param>
    /// <exception cref="WeightFileException">
    /// The file is malformed, or its tensor is missing or does not fit the layer; or the tensor holds a value that is not
    /// finite and <paramref name="rejectNonFinite"/> is set.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static SafeTensorsReport Load(IEmbeddingLayer layer, string path, string tensorName = DefaultTensorName, bool rejectNonFinite = false) =>
        Load(layer, path, tensorName, rejectNonFinite, afterEachBlock: null);

    /// <summary>Loads as the public overload does; <paramref name="afterEachBlock"/> lets a test change the file mid-read.</summary>
    internal static SafeTensorsReport Load(IEmbeddingLayer layer, string path, string tensorName, bool rejectNonFinite, Action<long>? afterEachBlock)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(tensorName);
        using WeightFileReader file = WeightFileReader.Open(path, afterEachBlock);
        long fileLength = file.Length;
        if (fileLength < 8)
        {
            throw new WeightFileException(path, $"the file is {fileLength} bytes, shorter than the 8-byte header length that starts a safetensors file.");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file.Read(0, 8));
        if (headerLength > (ulong)(fileLength - 8))
        {
            throw new WeightFileException(path, $"the header length {headerLength} runs past the end of the file ({fileLength} bytes, so at most {fileLength - 8}).");
        }

        if (headerLength > MaxHeaderLength)
        {
            throw new WeightFileException(path, $"the header length {headerLength} exceeds the {MaxHeaderLength} bytes safetensors allows.");
        }

        Header header = ParseHeader(path, file.Read(8, (int)headerLength));
        long dataStart = 8 + (long)headerLength;
        ValidateLayout(path, header.Tensors, fileLength - dataStart);

        if (!header.Tensors.TryGetValue(tensorName, out TensorEntry? tensor))
        {
            string available = header.Tensors.Count == 0 ? "none" : string.Join(", ", header.Tensors.Keys.OrderBy(name => name, StringComparer.Ordinal));
            throw new WeightFileException(path, $"there is no tensor named '{tensorName}'; the file holds: {available}.");
        }

        if (tensor.DType is not ("F32" or "F16" or "BF16"))
        {
            throw new WeightFileException(path, $"tensor '{tensorName}' has dtype {tensor.DType}, but an embedding table loads from F32, F16 or BF16.");
        }

        if (tensor.Shape.Length != 2 || tensor.Shape[0] != layer.InputDim || tensor.Shape[1] != layer.OutputDim)
        {
            throw new WeightFileException(
                path, $"tensor '{tensorName}' has shape [{string.Join(", ", tensor.Shape)}], but the layer needs [{layer.InputDim}, {layer.OutputDim}].");
        }

        // Everything in the header is checked; the table is staged, checked, and written into the layer only once it is
        // read whole and passed the check.
        var nonFinite = new NonFiniteTally(layer.OutputDim);
        file.ReadTable(
            dataStart + tensor.Begin, tensor.DType, ElementSizes[tensor.DType], bigEndian: false, layer.Weights,
            staged => nonFinite.CheckTable(staged, path, rejectNonFinite));
        return new SafeTensorsReport(nonFinite.Count, header.Metadata);
    }

    private static byte[] WriteHeader(string tensorName, int rows, int columns, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (KeyValuePair<string, string> entry in metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
                {
                    if (string.IsNullOrEmpty(entry.Key) || entry.Value is null)
                    {
                        throw new ArgumentException($"metadata needs non-empty keys and non-null values, but has '{entry.Key}' = {entry.Value ?? "null"}.", nameof(metadata));
                    }

                    writer.WriteString(entry.Key, entry.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject(tensorName);
            writer.WriteString("dtype", "F32");
            writer.WriteStartArray("shape");
            writer.WriteNumberValue(rows);
            writer.WriteNumberValue(columns);
            writer.WriteEndArray();
            writer.WriteStartArray("data_offsets");
            writer.WriteNumberValue(0);
            writer.WriteNumberValue((long)rows * columns * sizeof(float));
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        int padding = (int)((8 - (buffer.Length % 8)) % 8);
        for (int i = 0; i < padding; i++)
        {
            buffer.WriteByte((byte)' ');
        }

        return buffer.ToArray();
    }

    private static Header ParseHeader(string path, ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            throw new WeightFileException(path, "the header is not valid UTF-8 JSON.");
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            Expect(ref reader, JsonTokenType.StartObject, path, "the header must be a JSON object");
            var tensors = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            bool sawMetadata = false;
            while (Read(ref reader, path) && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (name == MetadataKey)
                {
                    if (sawMetadata)
                    {
                        throw new WeightFileException(path, $"the header has '{MetadataKey}' twice.");
                    }

                    sawMetadata = true;
                    ReadMetadata(ref reader, path, metadata);
                }
                else if (!tensors.TryAdd(name, ReadTensor(ref reader, path, name)))
                {
                    throw new WeightFileException(path, $"the header names tensor '{name}' twice.");
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
            {
                throw new WeightFileException(path, "the header is not one complete JSON object.");
            }

            // Only the padding spaces may follow the object.
            if (bytes[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\n\r"u8) >= 0)
            {
                throw new WeightFileException(path, "the header has bytes after its JSON object that are not padding spaces.");
            }

            return new Header(tensors, metadata);
        }
        catch (JsonException exception)
        {
            throw new WeightFileException(path, $"the header is not valid JSON: {exception.Message}", exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new WeightFileException(path, $"the header has a value of the wrong kind: {exception.Message}", exception);
        }
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, string path, Dictionary<string, string> metadata)
    {
        Expect(ref reader, JsonTokenType.StartObject, path, $"'{MetadataKey}' must be an object of strings");
        while (Read(ref reader, path) && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            Expect(ref reader, JsonTokenType.String, path, $"metadata '{key}' must be a string");
            if (!metadata.TryAdd(key, reader.GetString()!))
            {
                throw new WeightFileException(path, $"the metadata has key '{key}' twice.");
            }
        }
    }

    private static TensorEntry ReadTensor(ref Utf8JsonReader reader, string path, string name)
    {
        Expect(ref reader, JsonTokenType.StartObject, path, $"tensor '{name}' must be an object");
        string? dtype = null;
        long[]? shape = null, offsets = null;
        var fields = new HashSet<string>(StringComparer.Ordinal);
        while (Read(ref reader, path) && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The reference reader's serde struct refuses a repeated field; taking the first or the last would let
            // "dtype":"I32",...,"dtype":"F32" read int32 bits as floats here and not there.
            string field = reader.GetString()!;
            if (!fields.Add(field))
            {
                throw new WeightFileException(path, $"tensor '{name}' has '{field}' twice.");
            }

            switch (field)
            {
                case "dtype":
                    Expect(ref reader, JsonTokenType.String, path, $"the dtype of tensor '{name}' must be a string");
                    dtype = reader.GetString();
                    break;
                case "shape":
                    shape = ReadIntegers(ref reader, path, $"the shape of tensor '{name}'");
                    break;
                case "data_offsets":
                    offsets = ReadIntegers(ref reader, path, $"the data_offsets of tensor '{name}'");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (dtype is null || shape is null || offsets is null)
        {
            throw new WeightFileException(path, $"tensor '{name}' needs dtype, shape and data_offsets.");
        }

        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw new WeightFileException(path, $"the data_offsets of tensor '{name}' must be [begin, end] with begin <= end, but are [{string.Join(", ", offsets)}].");
        }

        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(ref Utf8JsonReader reader, string path, string what)
    {
        Expect(ref reader, JsonTokenType.StartArray, path, $"{what} must be an array of whole numbers");
        var values = new List<long>();
        while (Read(ref reader, path) && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value) || value < 0)
            {
                throw new WeightFileException(path, $"{what} must hold whole numbers of 0 or more.");
            }

            values.Add(value);
        }

        return values.ToArray();
    }

    /// <summary>Checks every tensor's byte range: inside the data, the size its dtype and shape need, no overlaps, no holes.</summary>
    private static void ValidateLayout(string path, Dictionary<string, TensorEntry> tensors, long dataLength)
    {
        long covered = 0;
        foreach (TensorEntry tensor in tensors.Values.OrderBy(tensor => tensor.Begin).ThenBy(tensor => tensor.End))
        {
            if (!ElementSizes.TryGetValue(tensor.DType, out int elementSize))
            {
                throw new WeightFileException(path, $"tensor '{tensor.Name}' has unknown dtype '{tensor.DType}'.");
            }

            long expected;
            try
            {
                expected = checked(tensor.Shape.Aggregate(1L, (product, dimension) => product * dimension) * elementSize);
            }
            catch (OverflowException)
            {
                throw new WeightFileException(path, $"tensor '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}], too large to address.");
            }

            if (tensor.End > dataLength)
            {
                throw new WeightFileException(path, $"tensor '{tensor.Name}' ends at byte {tensor.End} of the data, but the file holds only {dataLength} data bytes (truncated?).");
            }

            if (tensor.End - tensor.Begin != expected)
            {
                throw new WeightFileException(
                    path, $"tensor '{tensor.Name}' spans {tensor.End - tensor.Begin} bytes, but {tensor.DType} of shape [{string.Join(", ", tensor.Shape)}] needs {expected}.");
            }

            if (tensor.Begin != covered)
            {
                throw new WeightFileException(
                    path, tensor.Begin < covered
                        ? $"tensor '{tensor.Name}' overlaps the tensor before it (it starts at byte {tensor.Begin}, before {covered})."
                        : $"the data has a hole: bytes {covered} to {tensor.Begin} belong to no tensor.");
            }

            covered = tensor.End;
        }

        if (covered != dataLength)
        {
            throw new WeightFileException(path, $"the data has {dataLength} bytes, but the tensors cover only {covered}.");
        }
    }

    private static bool Read(ref Utf8JsonReader reader, string path) =>
        reader.Read() ? true : throw new WeightFileException(path, "the header ends in the middle of its JSON.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, string what)
    {
        if (!Read(ref reader, path) || reader.TokenType != type)
        {
            throw new WeightFileException(path, $"{what}, but found {reader.TokenType}.");
        }
    }

    private sealed record TensorEntry(string Name, string DType, long[] Shape, long Begin, long End);

    private sealed record Header(Dictionary<string, TensorEntry> Tensors, Dictionary<string, string> Metadata);
}
