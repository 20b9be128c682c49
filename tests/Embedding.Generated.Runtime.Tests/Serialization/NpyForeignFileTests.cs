using System;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>.npy files another producer could have written, laid out byte by byte from NumPy's format specification.</summary>
public sealed class NpyForeignFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<byte, byte, int> Versions => new()
    {
        { 1, 0, 64 }, // numpy.save since 1.14
        { 1, 0, 16 }, // numpy.save before 1.14 aligned the data to 16 bytes
        { 2, 0, 64 }, // a header over 65535 bytes needs the 4-byte length of version 2.0
        { 3, 0, 64 }, // a UTF-8 header (structured dtypes with non-Latin-1 field names)
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void Little_endian_float32_C_order_loads_in_every_version(byte major, byte minor, int alignment)
    {
        float[] values = Values(100);
        byte[] file = NpyLayout.File(major, minor, NpyLayout.Dictionary("<f4", fortranOrder: false, "(50, 2)"), FloatBytes.LittleEndianF32(values), alignment);
        Assert.Equal(0, (file.Length - 400) % alignment);
        string path = _folder.Write($"v{major}.{minor}-{alignment}.npy", file);
        IEmbeddingLayer layer = new Dim2Layer(seed: 41);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Fact]
    public void Big_endian_float32_loads_with_its_bytes_swapped()
    {
        // 1.0f is 3F 80 00 00 in big-endian order; -0.5f is BF 00 00 00; 2^-149 is 00 00 00 01.
        byte[] data = new byte[400];
        for (int i = 0; i < 100; i++)
        {
            byte[] element = (i % 3) switch
            {
                0 => [0x3F, 0x80, 0x00, 0x00],
                1 => [0xBF, 0x00, 0x00, 0x00],
                _ => [0x00, 0x00, 0x00, 0x01],
            };
            element.CopyTo(data, i * 4);
        }

        float[] expected = Enumerable.Range(0, 100).Select(i => (i % 3) switch { 0 => 1f, 1 => -0.5f, _ => float.Epsilon }).ToArray();
        string path = _folder.Write("big-endian.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary(">f4", fortranOrder: false, "(50, 2)"), data));
        IEmbeddingLayer layer = new Dim2Layer(seed: 42);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(expected, layer.Weights);
    }

    [Theory]
    [InlineData("<f4", false)]
    [InlineData("=f4", false)]
    [InlineData("|f4", false)]
    [InlineData("f4", false)]
    [InlineData("<f", false)]
    [InlineData("f", false)]
    [InlineData("float32", false)]
    [InlineData("single", false)]
    [InlineData(">f", true)]
    public void Every_descr_numpy_reads_as_float32_loads(string descr, bool bigEndian)
    {
        // numpy 1.24's numpy.dtype(descr) is float32 for each, big-endian for '>f' only.
        float[] values = Values(100);
        byte[] data = bigEndian ? FloatBytes.BigEndianF32(values) : FloatBytes.LittleEndianF32(values);
        string path = _folder.Write("descr.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary(descr, fortranOrder: false, "(50, 2)"), data));
        IEmbeddingLayer layer = new Dim2Layer(seed: 47);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Fact]
    public void Big_endian_awkward_values_keep_their_bits()
    {
        float[] awkward = FloatBytes.Awkward();
        float[] values = Enumerable.Range(0, 400).Select(i => awkward[i % awkward.Length]).ToArray();
        string path = _folder.Write("big-endian-awkward.npy", NpyLayout.File(1, 0, NpyLayout.Dictionary(">f4", fortranOrder: false, "(50, 8)"), FloatBytes.BigEndianF32(values)));
        IEmbeddingLayer layer = new Dim8Layer(seed: 43);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (50, 2)}")] // no trailing comma
    [InlineData("{'shape': (50, 2), 'fortran_order': False, 'descr': '<f4'}")] // keys in another order
    [InlineData("{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (50,2)}")] // double quotes, no space
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (50, 2,), }")] // trailing comma in the tuple
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (50, 2), 'descr': '<f4', }")] // a repeated key: the last value counts
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 50), 'shape': (50, 2), }")] // likewise for the shape
    [InlineData("{'descr': '<f4',  # little-endian float32\n 'fortran_order': False, 'shape': (50, 2), }")] // a comment, a line break
    [InlineData("{'descr': '<f' \"4\", 'fortran_order': False, 'shape': (50, 2), }")] // adjacent strings are one
    [InlineData("{'descr': ('<f4'), 'fortran_order': (False), 'shape': ((50), 2), }")] // parentheses around values
    [InlineData("{u'descr': u'\\x3cf4', 'fortran_order': False, 'shape': (0x32, +2), }")] // u prefix, \x escape, hex, a sign
    [InlineData("\n{'''descr''': '<f4', 'fortran_order': False, 'shape': (5_0, 2), }")] // a blank first line, triple quotes, 5_0
    // numpy 1.24 loads each of these as float32 of shape (50, 2): it evaluates the header as a Python literal.
    public void Header_dictionaries_written_other_ways_load(string dictionary)
    {
        float[] values = Values(100);
        string path = _folder.Write("variant.npy", NpyLayout.File(1, 0, dictionary, FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 44);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Fact]
    public void A_shape_in_199_parentheses_inside_the_brace_loads_as_200_levels_are_Python_s_limit()
    {
        // numpy 1.24 loads this header; one more pair of parentheses is "too many nested parentheses".
        float[] values = Values(100);
        string dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': " + new string('(', 199) + "50, 2" + new string(')', 199) + "}";
        string path = _folder.Write("nested.npy", NpyLayout.File(1, 0, dictionary, FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 46);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Theory]
    [InlineData(1, "(50L, 2L)")]
    [InlineData(2, "(50L, 2L)")]
    [InlineData(1, "(50L, 2)")]
    [InlineData(1, "(50 L, 2L)")] // numpy's filter drops a name token L after a number token, space or not
    public void A_Python_2_header_with_long_suffixes_loads_in_versions_1_and_2_as_numpy_reads_it(byte major, string shape)
    {
        float[] values = Values(100);
        string dictionary = NpyLayout.Dictionary("<f4", fortranOrder: false, shape);
        string path = _folder.Write("python2.npy", NpyLayout.File(major, 0, dictionary, FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 45);

        Npy.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    private static float[] Values(int count) => Enumerable.Range(0, count).Select(i => (i * 0.5f) - 7f).ToArray();
}
