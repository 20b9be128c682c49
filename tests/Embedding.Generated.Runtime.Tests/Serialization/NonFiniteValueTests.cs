using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// NaN and infinite values in a weight file: every loader counts those it loads in its report, and with
/// <c>rejectNonFinite: true</c> throws <see cref="WeightFileException"/> naming the first one's value, row and column,
/// with the layer unchanged. numpy loads the .npy files below with the same NaN and infinities in the same places; the
/// safetensors reference reader does not look at values at all.
/// </summary>
public sealed class NonFiniteValueTests : IDisposable
{
    // A 50 x 2 table of 0, 1, 2, ... with NaN at row 3 column 1, +inf at row 10 column 0 (inside a vector's stretch), and
    // -inf at row 49 column 1 (the last value, in the scan's scalar tail whatever the vector width).
    private static readonly (int Index, uint Bits)[] Planted = [(7, 0x7FC00000), (20, 0x7F800000), (99, 0xFF800000)];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Npy_Load_counts_NaN_and_infinities_and_loads_their_bits()
    {
        float[] values = Table();
        string path = _folder.Write("planted.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary("<f4", false, "(50, 2)"), FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 111);

        WeightLoadReport report = Npy.Load(layer, path);

        Assert.Equal(3, report.NonFiniteValues);
        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Fact]
    public void Npy_Load_rejecting_non_finite_values_throws_naming_the_first_one_s_row_and_column_and_the_count()
    {
        string path = _folder.Write("planted.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary("<f4", false, "(50, 2)"), FloatBytes.LittleEndianF32(Table())));
        IEmbeddingLayer layer = new Dim2Layer(seed: 112);

        WeightFileAssert.LoadFails(layer, path, () => Npy.Load(layer, path, rejectNonFinite: true), "row 3, column 1 is NaN", "3 of them");
    }

    [Fact]
    public void Npy_Load_rejecting_non_finite_values_reads_a_big_endian_infinity_as_one()
    {
        float[] values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        values[99] = float.NegativeInfinity;
        string path = _folder.Write("big-endian.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary(">f4", false, "(50, 2)"), FloatBytes.BigEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 113);

        WeightFileAssert.LoadFails(layer, path, () => Npy.Load(layer, path, rejectNonFinite: true), "row 49, column 1 is -Infinity", "1 of them");
    }

    [Fact]
    public void A_file_of_finite_values_loads_with_rejectNonFinite_and_reports_none()
    {
        // The largest finite float and the smallest subnormal are finite; their exponent bits are not all ones.
        float[] values = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? float.MaxValue : -float.Epsilon).ToArray();
        string npy = _folder.Write("finite.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary("<f4", false, "(50, 2)"), FloatBytes.LittleEndianF32(values)));
        string safetensors = _folder.Write("finite.safetensors", SafeTensorsLayout.File(F32Header, FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer fromNpy = new Dim2Layer(seed: 114);
        IEmbeddingLayer fromSafeTensors = new Dim2Layer(seed: 115);

        WeightLoadReport npyReport = Npy.Load(fromNpy, npy, rejectNonFinite: true);
        SafeTensorsReport safeTensorsReport = SafeTensors.Load(fromSafeTensors, safetensors, rejectNonFinite: true);

        Assert.Equal(0, npyReport.NonFiniteValues);
        Assert.Equal(0, safeTensorsReport.NonFiniteValues);
        FloatAssert.BitwiseEqual(values, fromNpy.Weights);
        FloatAssert.BitwiseEqual(values, fromSafeTensors.Weights);
    }

    [Fact]
    public void SafeTensors_Load_of_F32_counts_NaN_and_infinities_or_rejects_them_naming_the_first()
    {
        float[] values = Table();
        string path = _folder.Write("planted.safetensors", SafeTensorsLayout.File(F32Header, FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer counted = new Dim2Layer(seed: 116);
        IEmbeddingLayer rejected = new Dim2Layer(seed: 117);

        SafeTensorsReport report = SafeTensors.Load(counted, path);

        Assert.Equal(3, report.NonFiniteValues);
        FloatAssert.BitwiseEqual(values, counted.Weights);
        WeightFileAssert.LoadFails(rejected, path, () => SafeTensors.Load(rejected, path, rejectNonFinite: true), "row 3, column 1 is NaN", "3 of them");
    }

    [Theory]
    // F16: exponent 11111 is NaN (mantissa not 0) or infinity; 0x7BFF is 65504, the largest finite half.
    [InlineData("F16", (ushort)0x7E00, (ushort)0x7C00, (ushort)0xFC00, (ushort)0x7BFF)]
    // BF16: the top half of a float32; 0x7F7F is the largest finite bfloat16.
    [InlineData("BF16", (ushort)0x7FC0, (ushort)0x7F80, (ushort)0xFF80, (ushort)0x7F7F)]
    public void SafeTensors_Load_of_half_precision_counts_NaN_and_infinities_or_rejects_them_naming_the_first(
        string dtype, ushort nan, ushort infinity, ushort negativeInfinity, ushort largestFinite)
    {
        // 1.0 everywhere (0x3C00 in F16, 0x3F80 in BF16), then the patterns at rows 0, 20, 30 and 49.
        ushort one = dtype == "F16" ? (ushort)0x3C00 : (ushort)0x3F80;
        ushort[] bits = Enumerable.Repeat(one, 100).ToArray();
        bits[41] = nan;
        bits[60] = infinity;
        bits[1] = negativeInfinity;
        bits[98] = largestFinite;
        string header = "{\"embeddings\":{\"dtype\":\"" + dtype + "\",\"shape\":[50,2],\"data_offsets\":[0,200]}}";
        string path = _folder.Write($"half.{dtype}.safetensors", SafeTensorsLayout.File(header, FloatBytes.LittleEndianU16(bits)));
        IEmbeddingLayer counted = new Dim2Layer(seed: 118);
        IEmbeddingLayer rejected = new Dim2Layer(seed: 119);

        SafeTensorsReport report = SafeTensors.Load(counted, path);

        Assert.Equal(3, report.NonFiniteValues);
        Assert.True(float.IsNaN(counted.Weights[41]));
        Assert.Equal(float.PositiveInfinity, counted.Weights[60]);
        WeightFileAssert.LoadFails(rejected, path, () => SafeTensors.Load(rejected, path, rejectNonFinite: true), "row 0, column 1 is -Infinity", "3 of them");
    }

    [Fact]
    public void TextVectors_Load_counts_nan_inf_and_numbers_beyond_float_s_range_among_the_values_it_loads()
    {
        // 1e999 and 3.5e38 overflow float to infinity; 1e-999 underflows to 0, which is finite.
        string path = Write("cat nan 1\ndog 1 inf\nbird -inf 1e999\nfish 3.5e38 1e-999\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 120);

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(5, report.NonFiniteValues);
        Assert.True(float.IsNaN(layer.Weights[2]));
        FloatAssert.BitwiseEqual([1f, 1f, float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity, float.PositiveInfinity, 0f], layer.Weights[3..10]);
    }

    [Theory]
    [InlineData("inf", float.PositiveInfinity)]
    [InlineData("-inf", float.NegativeInfinity)]
    [InlineData("+INF", float.PositiveInfinity)]
    [InlineData("-Infinity", float.NegativeInfinity)]
    public void TextVectors_Load_reads_the_infinities_as_Python_and_dotnet_write_them(string written, float expected)
    {
        // Python's repr, and so gensim's and numpy's text output, writes inf and -inf.
        string path = Write($"cat {written} 1\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 121);

        TextVectors.Load(layer, path);

        Assert.Equal(expected, layer.Weights[2]);
    }

    [Theory]
    [InlineData("cat 1 2\ndog 3 nan\n", "row 2, column 1 is NaN (line 2, 'nan' for token 'dog')", "1 of them")]
    [InlineData("2 2\ncat 1e999 2\ndog -inf nan\n", "row 1, column 0 is Infinity (line 2, '1e999' for token 'cat')", "3 of them")]
    public void TextVectors_Load_rejecting_non_finite_values_throws_naming_the_value_as_written_its_line_row_and_column(string text, string first, string count)
    {
        string path = Write(text);
        IEmbeddingLayer layer = new Dim2Layer(seed: 122);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path, rejectNonFinite: true), first, count);
    }

    [Fact]
    public void TextVectors_Load_neither_counts_nor_rejects_the_values_of_tokens_that_get_no_row()
    {
        string path = Write("cat 1 2\nbird nan inf\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 123);

        TextVectorsReport report = TextVectors.Load(layer, path, new Dictionary<string, int> { ["cat"] = 1 }, rejectNonFinite: true);

        Assert.Equal(0, report.NonFiniteValues);
        Assert.Equal(["bird"], report.TokensThatDidNotFit);
        FloatAssert.BitwiseEqual([1f, 2f], layer.Weights[2..4]);
    }

    private const string F32Header = """{"embeddings":{"dtype":"F32","shape":[50,2],"data_offsets":[0,400]}}""";

    private static float[] Table()
    {
        float[] values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        foreach ((int index, uint bits) in Planted)
        {
            values[index] = BitConverter.UInt32BitsToSingle(bits);
        }

        return values;
    }

    private string Write(string text)
    {
        string path = _folder.File("vectors.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
