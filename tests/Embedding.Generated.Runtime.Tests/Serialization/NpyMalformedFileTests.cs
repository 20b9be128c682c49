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
/// Every way an .npy file can be wrong for a 50 x 8 layer: <see cref="WeightFileException"/> naming the file, the problem
/// and the values involved, and not one weight changed.
/// </summary>
public sealed class NpyMalformedFileTests : IDisposable
{
    private static readonly Dictionary<string, (Func<byte[]> Build, string[] Fragments)> Cases = new(StringComparer.Ordinal)
    {
        ["an empty file"] = (() => [], ["magic"]),
        ["the magic string cut off after 4 bytes"] = (() => [0x93, .. "NUM"u8], ["magic", "\\x93NUMPY"]),
        ["a file cut off after its magic string and version"] = (() => [0x93, .. "NUMPY"u8, 1, 0, 0], ["9 bytes", "truncated"]),
        ["another magic string"] = (() => Patch(Valid(), 5, (byte)'X'), ["magic", "\\x93NUMPY"]),
        ["format version 4.0"] = (() => Patch(Valid(), 6, 4), ["format version 4.0", "1.0, 2.0 and 3.0"]),
        ["format version 0.1"] = (() => Patch(Patch(Valid(), 6, 0), 7, 1), ["format version 0.1"]),

        // numpy 1.24 reads versions (1, 0), (2, 0) and (3, 0) only: "we only support format version (1,0), (2,0), and
        // (3,0), not (1, 1)".
        ["format version 1.1"] = (() => Patch(Valid(), 7, 1), ["format version 1.1", "1.0, 2.0 and 3.0"]),
        ["format version 2.1"] = (() => NpyLayout.File(2, 1, Dictionary("<f4", false, "(50, 8)"), Data(1600)), ["format version 2.1", "1.0, 2.0 and 3.0"]),
        ["format version 3.1"] = (() => NpyLayout.File(3, 1, Dictionary("<f4", false, "(50, 8)"), Data(1600)), ["format version 3.1", "1.0, 2.0 and 3.0"]),

        // numpy evaluates the header with ast.literal_eval, so a repeated key keeps its last value: numpy loads this
        // file as int32.
        ["a repeated 'descr' whose last value is '<i4'"] = (
            () => NpyLayout.File(1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (50, 8), 'descr': '<i4', }", Data(1600)), ["'<i4'", "float32"]),

        // numpy loads this file with shape (8, 50).
        ["a repeated 'shape' whose last value is (8, 50)"] = (
            () => NpyLayout.File(1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (50, 8), 'shape': (8, 50), }", Data(1600)), ["(8, 50)", "(50, 8)"]),

        // numpy: "Header does not contain the correct keys: ['descr', 'extra', 'fortran_order', 'shape']".
        ["an extra key"] = (
            () => NpyLayout.File(1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (50, 8), 'extra': 1, }", Data(1600)),
            ["['descr', 'extra', 'fortran_order', 'shape']", "exactly 'descr', 'fortran_order' and 'shape'"]),

        // The text 'descr': '<f4' sits inside the value of descr, which is a dictionary; numpy refuses it as a dtype.
        ["a descr that is a dictionary holding 'descr': '<f4'"] = (
            () => NpyLayout.File(1, 0, "{'descr': {'descr': '<f4'}, 'fortran_order': False, 'shape': (50, 8), }", Data(1600)), ["{'descr': '<f4'}", "float32"]),

        // The shape is (1, 1); the text 'shape': (50, 8) is inside the descr string, which numpy refuses ("format number
        // 1 of ... is not recognized").
        ["a descr string holding the text 'shape': (50, 8)"] = (
            () => NpyLayout.File(1, 0, "{'descr': \"<f4', 'shape': (50, 8), '\", 'fortran_order': False, 'shape': (1, 1), }", Data(1600)),
            ["\"<f4', 'shape': (50, 8), '\"", "float32"]),

        // numpy: "fortran_order is not a valid bool: 0".
        ["fortran_order 0"] = (() => NpyLayout.File(1, 0, "{'descr': '<f4', 'fortran_order': 0, 'shape': (50, 8), }", Data(1600)), ["fortran_order is 0"]),

        // numpy: "shape is not valid: [50, 8]".
        ["a shape that is a list"] = (
            () => NpyLayout.File(1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': [50, 8], }", Data(1600)), ["[50, 8]", "not a tuple of integers"]),

        // numpy: "Header is not a dictionary: {'shape', 'fortran_order', 'descr'}".
        ["a set of the three keys"] = (() => NpyLayout.File(1, 0, "{'descr', 'fortran_order', 'shape'}", Data(1600)), ["not a dictionary"]),

        // numpy: "Cannot parse header" (a SyntaxError from literal_eval) for each of these.
        ["text after the dictionary"] = (() => NpyLayout.File(1, 0, Dictionary("<f4", false, "(50, 8)") + " x", Data(1600)), ["Python literal", "follows"]),
        ["a dictionary indented on the header's second line"] = (
            () => NpyLayout.File(1, 0, "\n\t" + Dictionary("<f4", false, "(50, 8)"), Data(1600)), ["Python literal", "indent"]),
        ["a shape in 200 parentheses inside the dictionary's brace"] = (
            () => NpyLayout.File(1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': " + new string('(', 200) + "50, 8" + new string(')', 200) + "}", Data(1600)),
            ["Python literal", "nest deeper than 200"]),

        // Python 3.11 refuses to convert an integer literal of over 4300 digits, and numpy says "Cannot parse header"; at
        // 4300 digits it parses and numpy fails on the size ("Python int too large to convert to C long").
        ["a dimension of 4301 digits"] = (
            () => NpyLayout.File(1, 0, Dictionary("<f4", false, "(" + new string('1', 4301) + ", 8)"), Data(1600)), ["Python literal", "4301 digits"]),
        ["a dimension of 4300 digits"] = (
            () => NpyLayout.File(1, 0, Dictionary("<f4", false, "(" + new string('1', 4300) + ", 8)"), Data(1600)), ["2-D shape of whole numbers"]),
        ["a version 2.0 file of 11 bytes"] = (() => [0x93, .. "NUMPY"u8, 2, 0, 0, 0, 0], ["11 bytes", "version 2"]),
        ["a version 1.0 header length of 65535 in a short file"] = (
            () => NpyLayout.File(1, 0, 65535, Encoding.ASCII.GetBytes(Dictionary("<f4", false, "(50, 8)")), Data(16)),
            ["header length 65535", "bytes)"]),
        ["a version 2.0 header length of 2^32 - 1"] = (
            () => NpyLayout.File(2, 0, uint.MaxValue, Encoding.ASCII.GetBytes(Dictionary("<f4", false, "(50, 8)")), Data(1600)),
            ["header length 4294967295"]),
        ["a version 3.0 header that is not UTF-8"] = (
            () => Version3WithHeader([.. Encoding.ASCII.GetBytes(Dictionary("<f4", false, "(50, 8)")), 0xFF, 0xFE, (byte)'\n']),
            ["not valid UTF-8"]),
        ["a long suffix in a version 3.0 header (Python 2 never wrote 3.0)"] = (
            () => NpyLayout.File(3, 0, Dictionary("<f4", false, "(50L, 8L)"), Data(1600)), ["(50L, 8L)", "Python literal"]),
        ["a lower-case long suffix"] = (() => File("<f4", false, "(50l, 8)", 1600), ["(50l, 8)", "Python literal"]),
        ["Fortran order"] = (() => File("<f4", true, "(50, 8)", 1600), ["Fortran", "column-major"]),
        ["dtype <f8"] = (() => File("<f8", false, "(50, 8)", 3200), ["'<f8'", "float32"]),
        ["dtype <f2"] = (() => File("<f2", false, "(50, 8)", 800), ["'<f2'", "float32"]),
        ["dtype <i4"] = (() => File("<i4", false, "(50, 8)", 1600), ["'<i4'", "float32"]),
        ["dtype |u1"] = (() => File("|u1", false, "(50, 8)", 400), ["'|u1'", "float32"]),
        ["a 1-D shape"] = (() => File("<f4", false, "(400,)", 1600), ["(400,)", "2-D"]),
        ["a 3-D shape"] = (() => File("<f4", false, "(50, 8, 1)", 1600), ["(50, 8, 1)", "2-D"]),
        ["a 0-D shape"] = (() => File("<f4", false, "()", 4), ["()", "2-D"]),
        ["a negative dimension"] = (() => File("<f4", false, "(-50, 8)", 1600), ["(-50, 8)", "whole numbers"]),
        ["shape (50, 7)"] = (() => File("<f4", false, "(50, 7)", 1400), ["(50, 7)", "(50, 8)"]),
        ["the transposed shape (8, 50)"] = (() => File("<f4", false, "(8, 50)", 1600), ["(8, 50)", "(50, 8)"]),
        ["a header without 'descr'"] = (
            () => NpyLayout.File(1, 0, "{'fortran_order': False, 'shape': (50, 8), }", Data(1600)), ["'descr', 'fortran_order' and 'shape'"]),
        ["a header without 'fortran_order'"] = (
            () => NpyLayout.File(1, 0, "{'descr': '<f4', 'shape': (50, 8), }", Data(1600)), ["'descr', 'fortran_order' and 'shape'"]),
        ["a header of key-value pairs without braces"] = (
            () => NpyLayout.File(1, 0, "'descr': '<f4', 'fortran_order': False, 'shape': (50, 8)", Data(1600)), ["Python literal"]),
        ["a header that is a tuple"] = (() => NpyLayout.File(1, 0, "('descr', '<f4')", Data(1600)), ["not a dictionary", "('descr', '<f4')"]),
        ["data cut off after 1000 bytes"] = (() => File("<f4", false, "(50, 8)", 1000), ["needs 1600 data bytes", "holds 1000", "truncated"]),
        ["4 data bytes too many"] = (() => File("<f4", false, "(50, 8)", 1604), ["needs 1600 data bytes", "holds 1604"]),
    };

    private readonly TempFolder _folder = new();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Load_of_a_malformed_file_throws_WeightFileException_naming_the_problem_and_leaves_the_layer_unchanged(string caseName)
    {
        (Func<byte[]> build, string[] fragments) = Cases[caseName];
        string path = _folder.Write("malformed.npy", build());
        IEmbeddingLayer layer = new Dim8Layer(seed: 51);

        WeightFileAssert.LoadFails(layer, path, () => Npy.Load(layer, path), fragments);
    }

    [Fact]
    public void Load_of_a_missing_file_throws_FileNotFoundException_and_leaves_the_layer_unchanged()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 52);
        float[] before = layer.Weights.ToArray();
        string path = _folder.File("absent.npy");

        var exception = Assert.Throws<FileNotFoundException>(() => Npy.Load(layer, path));

        Assert.Contains("absent.npy", exception.Message, StringComparison.Ordinal);
        FloatAssert.BitwiseEqual(before, layer.Weights);
    }

    [Fact]
    public void The_catalogue_baseline_loads_so_each_case_fails_for_its_own_flaw()
    {
        string path = _folder.Write("baseline.npy", Valid());
        IEmbeddingLayer layer = new Dim8Layer(seed: 53);

        Npy.Load(layer, path);

        Assert.Equal(Enumerable.Range(0, 400).Select(i => (float)i), layer.Weights.ToArray());
    }

    private static string Dictionary(string descr, bool fortranOrder, string shape) => NpyLayout.Dictionary(descr, fortranOrder, shape);

    private static byte[] Valid() => File("<f4", false, "(50, 8)", 1600);

    private static byte[] File(string descr, bool fortranOrder, string shape, int dataBytes) =>
        NpyLayout.File(1, 0, Dictionary(descr, fortranOrder, shape), Data(dataBytes));

    private static byte[] Version3WithHeader(byte[] header) => NpyLayout.File(3, 0, (uint)header.Length, header, Data(1600));

    private static byte[] Patch(byte[] file, int index, byte value)
    {
        file[index] = value;
        return file;
    }

    /// <summary>The floats 0, 1, 2, ... as little-endian float32, cut to <paramref name="bytes"/> bytes.</summary>
    private static byte[] Data(int bytes)
    {
        float[] values = Enumerable.Range(0, (bytes + 3) / 4).Select(i => (float)i).ToArray();
        return FloatBytes.LittleEndianF32(values)[..bytes];
    }
}
