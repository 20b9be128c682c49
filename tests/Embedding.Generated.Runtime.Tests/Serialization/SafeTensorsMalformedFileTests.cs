using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Every way a safetensors file can be wrong for a 50 x 8 layer: <see cref="WeightFileException"/> naming the file, the
/// problem and the values involved, and not one weight changed.
/// </summary>
public sealed class SafeTensorsMalformedFileTests : IDisposable
{
    private const string ValidTensor = """{"dtype":"F32","shape":[50,8],"data_offsets":[0,1600]}""";

    private static readonly Dictionary<string, (Func<byte[]> Build, string[] Fragments)> Cases = new(StringComparer.Ordinal)
    {
        ["an empty file"] = (() => [], ["0 bytes", "8-byte header length"]),
        ["a 5-byte file"] = (() => [1, 2, 3, 4, 5], ["5 bytes", "8-byte header length"]),
        ["a header length of 5000 in a 1678-byte file"] = (
            () => SafeTensorsLayout.File(5000, Encoding.UTF8.GetBytes(Header(ValidTensor).PadRight(70)), Data(1600)),
            ["header length 5000", "1678 bytes", "at most 1670"]),
        ["a header length of 2^64 - 1"] = (
            () => SafeTensorsLayout.File(ulong.MaxValue, Encoding.UTF8.GetBytes(Header(ValidTensor)), Data(1600)),
            ["header length 18446744073709551615"]),
        ["a header length of 0"] = (() => SafeTensorsLayout.File(0, [], Data(16)), ["not valid JSON"]),
        ["a header that is not UTF-8"] = (
            () => SafeTensorsLayout.File([.. "{\"__metadata__\":{\"a\":\""u8, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"},\"embeddings\":" + ValidTensor + "}")], Data(1600)),
            ["not valid UTF-8"]),
        ["a header cut off in the middle of its JSON"] = (() => File("""{"embeddings":{"dtype":"F32","shape":[50,""", 1600), ["not valid JSON"]),
        ["a header that is a JSON array"] = (() => File("[1, 2]", 1600), ["must be a JSON object"]),
        ["a header with a comment"] = (() => File("{/* x */\"embeddings\":" + ValidTensor + "}", 1600), ["not valid JSON"]),
        ["a header with bytes after its object"] = (() => File("{\"embeddings\":" + ValidTensor + "} x", 1600), ["not padding spaces"]),
        ["a header with a second object after the first"] = (() => File("{\"embeddings\":" + ValidTensor + "}{}", 1600), ["not padding spaces"]),
        ["a tensor name holding a lone surrogate"] = (() => File("{\"\\ud800\":" + ValidTensor + "}", 1600), ["the header has a value of the wrong kind"]),
        ["two tensors named embeddings"] = (
            () => File("{\"embeddings\":" + ValidTensor + ",\"embeddings\":{\"dtype\":\"F32\",\"shape\":[50,8],\"data_offsets\":[1600,3200]}}", 3200),
            ["tensor 'embeddings' twice"]),
        // The reference reader deserializes a tensor entry into a serde struct, which rejects a repeated field ("duplicate
        // field `dtype`"); the format's specification disallows duplicate keys anywhere in the header.
        ["a tensor whose dtype is given twice, I32 then F32"] = (
            () => File("""{"embeddings":{"dtype":"I32","shape":[50,8],"data_offsets":[0,1600],"dtype":"F32"}}""", 1600),
            ["tensor 'embeddings'", "'dtype' twice"]),
        ["a tensor whose shape is given twice"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[8,50],"shape":[50,8],"data_offsets":[0,1600]}}""", 1600),
            ["tensor 'embeddings'", "'shape' twice"]),
        ["a tensor whose data_offsets are given twice"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50,8],"data_offsets":[0,1600],"data_offsets":[0,1600]}}""", 1600),
            ["tensor 'embeddings'", "'data_offsets' twice"]),
        ["two tensors named embeddings with the same byte range and different dtypes"] = (
            () => File("{\"embeddings\":{\"dtype\":\"I32\",\"shape\":[50,8],\"data_offsets\":[0,1600]},\"embeddings\":" + ValidTensor + "}", 1600),
            ["tensor 'embeddings' twice"]),
        ["a metadata key given twice"] = (
            () => File("{\"__metadata__\":{\"epochs\":\"3\",\"epochs\":\"4\"},\"embeddings\":" + ValidTensor + "}", 1600), ["key 'epochs' twice"]),
        ["two metadata objects"] = (
            () => File("{\"__metadata__\":{},\"embeddings\":" + ValidTensor + ",\"__metadata__\":{}}", 1600), ["'__metadata__' twice"]),
        ["a metadata value that is a number"] = (
            () => File("{\"__metadata__\":{\"epochs\":3},\"embeddings\":" + ValidTensor + "}", 1600), ["metadata 'epochs' must be a string"]),
        ["metadata that is a string"] = (() => File("{\"__metadata__\":\"none\",\"embeddings\":" + ValidTensor + "}", 1600), ["'__metadata__' must be an object"]),
        ["a tensor that is a number"] = (() => File("""{"embeddings":5}""", 0), ["tensor 'embeddings' must be an object"]),
        ["a tensor without data_offsets"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50,8]}}""", 1600), ["tensor 'embeddings' needs dtype, shape and data_offsets"]),
        ["a dtype that is a number"] = (
            () => File("""{"embeddings":{"dtype":32,"shape":[50,8],"data_offsets":[0,1600]}}""", 1600), ["dtype of tensor 'embeddings' must be a string"]),
        ["a shape that is a number"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":400,"data_offsets":[0,1600]}}""", 1600), ["shape of tensor 'embeddings' must be an array"]),
        ["a negative dimension"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[-50,8],"data_offsets":[0,1600]}}""", 1600), ["shape of tensor 'embeddings' must hold whole numbers of 0 or more"]),
        ["a fractional dimension"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50.5,8],"data_offsets":[0,1600]}}""", 1600), ["shape of tensor 'embeddings' must hold whole numbers"]),
        ["a shape too large to address"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[4294967296,4294967296,4],"data_offsets":[0,1600]}}""", 1600), ["too large to address"]),
        ["data_offsets with begin after end"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50,8],"data_offsets":[1600,0]}}""", 1600), ["[1600, 0]", "begin <= end"]),
        ["data_offsets with three numbers"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50,8],"data_offsets":[0,800,1600]}}""", 1600), ["[0, 800, 1600]"]),
        ["an unknown dtype"] = (() => File("""{"embeddings":{"dtype":"Q4","shape":[50,8],"data_offsets":[0,1600]}}""", 1600), ["unknown dtype 'Q4'"]),
        ["dtype I32"] = (
            () => File("""{"embeddings":{"dtype":"I32","shape":[50,8],"data_offsets":[0,1600]}}""", 1600), ["tensor 'embeddings' has dtype I32", "F32, F16 or BF16"]),
        ["dtype F64"] = (
            () => File("""{"embeddings":{"dtype":"F64","shape":[50,8],"data_offsets":[0,3200]}}""", 3200), ["tensor 'embeddings' has dtype F64", "F32, F16 or BF16"]),
        ["shape [50, 7]"] = (() => File("""{"embeddings":{"dtype":"F32","shape":[50,7],"data_offsets":[0,1400]}}""", 1400), ["[50, 7]", "[50, 8]"]),
        ["the transposed shape [8, 50]"] = (() => File("""{"embeddings":{"dtype":"F32","shape":[8,50],"data_offsets":[0,1600]}}""", 1600), ["[8, 50]", "[50, 8]"]),
        ["a 1-D shape"] = (() => File("""{"embeddings":{"dtype":"F32","shape":[400],"data_offsets":[0,1600]}}""", 1600), ["[400]", "[50, 8]"]),
        ["a 3-D shape"] = (() => File("""{"embeddings":{"dtype":"F32","shape":[50,8,1],"data_offsets":[0,1600]}}""", 1600), ["[50, 8, 1]", "[50, 8]"]),
        ["no tensor of the name"] = (
            () => File("""{"weights":{"dtype":"F32","shape":[50,8],"data_offsets":[0,1600]},"bias":{"dtype":"F32","shape":[1],"data_offsets":[1600,1604]}}""", 1604),
            ["no tensor named 'embeddings'", "bias, weights"]),
        ["no tensors at all"] = (() => File("""{"__metadata__":{"a":"b"}}""", 0), ["no tensor named 'embeddings'", "none"]),
        ["data cut off after 1000 bytes"] = (() => File(Header(ValidTensor), 1000), ["ends at byte 1600", "only 1000 data bytes"]),
        ["data_offsets spanning 4 bytes too few"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50,8],"data_offsets":[0,1596]}}""", 1596), ["spans 1596 bytes", "needs 1600"]),
        ["two tensors that overlap"] = (
            () => File("{\"embeddings\":" + ValidTensor + ",\"bias\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[1592,1608]}}", 1608), ["overlaps", "1592"]),
        ["a hole before the tensor"] = (
            () => File("""{"embeddings":{"dtype":"F32","shape":[50,8],"data_offsets":[8,1608]}}""", 1608), ["hole", "bytes 0 to 8"]),
        ["data past the last tensor"] = (() => File(Header(ValidTensor), 1604), ["1604 bytes", "cover only 1600"]),
    };

    private readonly TempFolder _folder = new();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Load_of_a_malformed_file_throws_WeightFileException_naming_the_problem_and_leaves_the_layer_unchanged(string caseName)
    {
        (Func<byte[]> build, string[] fragments) = Cases[caseName];
        string path = _folder.Write("malformed.safetensors", build());
        IEmbeddingLayer layer = new Dim8Layer(seed: 21);

        WeightFileAssert.LoadFails(layer, path, () => SafeTensors.Load(layer, path), fragments);
    }

    [Fact]
    public void Load_of_a_missing_file_throws_FileNotFoundException_and_leaves_the_layer_unchanged()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 22);
        float[] before = layer.Weights.ToArray();
        string path = _folder.File("absent.safetensors");

        var exception = Assert.Throws<FileNotFoundException>(() => SafeTensors.Load(layer, path));

        Assert.Contains("absent.safetensors", exception.Message, StringComparison.Ordinal);
        FloatAssert.BitwiseEqual(before, layer.Weights);
    }

    [Fact]
    public void Load_of_a_header_length_over_the_100_MB_limit_throws_before_reading_the_header()
    {
        // A sparse file: long enough that the length fits inside it, cheap to create.
        string path = _folder.File("huge-header.safetensors");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.Write(BitConverter.GetBytes(100_000_001UL));
            stream.SetLength(100_000_100);
        }

        IEmbeddingLayer layer = new Dim8Layer(seed: 23);

        WeightFileAssert.LoadFails(layer, path, () => SafeTensors.Load(layer, path), "header length 100000001", "100000000");
    }

    [Fact]
    public void Load_by_a_name_whose_tensor_is_I64_names_the_dtype()
    {
        const string header =
            """{"embeddings":{"dtype":"F32","shape":[50,8],"data_offsets":[0,1600]},"step":{"dtype":"I64","shape":[],"data_offsets":[1600,1608]}}""";
        string path = _folder.Write("step.safetensors", SafeTensorsLayout.File(header, Data(1608)));
        IEmbeddingLayer layer = new Dim8Layer(seed: 24);

        WeightFileAssert.LoadFails(layer, path, () => SafeTensors.Load(layer, path, "step"), "tensor 'step' has dtype I64");
    }

    [Fact]
    public void The_catalogue_baseline_loads_so_each_case_fails_for_its_own_flaw()
    {
        string path = _folder.Write("baseline.safetensors", File(Header(ValidTensor), 1600));
        IEmbeddingLayer layer = new Dim8Layer(seed: 25);

        SafeTensors.Load(layer, path);

        Assert.Equal(Enumerable.Range(0, 400).Select(i => (float)i), layer.Weights.ToArray());
    }

    private static string Header(string tensor) => "{\"embeddings\":" + tensor + "}";

    private static byte[] File(string header, int dataBytes) => SafeTensorsLayout.File(header, Data(dataBytes));

    /// <summary>The floats 0, 1, 2, ... as little-endian F32, cut to <paramref name="bytes"/> bytes.</summary>
    private static byte[] Data(int bytes)
    {
        float[] values = Enumerable.Range(0, (bytes + 3) / 4).Select(i => (float)i).ToArray();
        return FloatBytes.LittleEndianF32(values)[..bytes];
    }
}
