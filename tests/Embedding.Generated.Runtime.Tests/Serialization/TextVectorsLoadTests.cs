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
/// <see cref="TextVectors.Load"/>: GloVe and word2vec text, the vocabulary given or built, MaskZero's padding row, and
/// the report of what did not fit, what was repeated and which rows kept their initial values.
/// </summary>
public sealed class TextVectorsLoadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_file_without_a_header_is_GloVe_and_its_tokens_get_ids_0_1_2_in_file_order()
    {
        string path = Write("the 0.418 0.24968 -0.41242\nof 0.70853 0.57088 -0.4716\nand 0.26818 0.14346 -0.27877\n");
        IEmbeddingLayer layer = new Dim3Layer(seed: 61);
        float[] before = layer.Weights.ToArray();

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(TextVectorFormat.GloVe, report.Format);
        AssertVocabulary(report, ("the", 0), ("of", 1), ("and", 2));
        FloatAssert.BitwiseEqual([0.418f, 0.24968f, -0.41242f, 0.70853f, 0.57088f, -0.4716f, 0.26818f, 0.14346f, -0.27877f], layer.Weights[..9]);
        FloatAssert.BitwiseEqual(before.AsSpan(9), layer.Weights[9..]);
        Assert.Equal(Enumerable.Range(3, 47), report.RowsLeftAtInitializer);
        Assert.Empty(report.TokensThatDidNotFit);
        Assert.Empty(report.DuplicateTokens);
    }

    [Theory]
    [InlineData("2 3\nthe 1 2 3\nof 4 5 6\n")]
    [InlineData("\n  \n2 3\nthe 1 2 3\nof 4 5 6\n")] // after blank lines
    public void A_first_line_of_count_and_dimension_is_a_word2vec_header_and_not_a_token(string text)
    {
        string path = Write(text);
        IEmbeddingLayer layer = new Dim3Layer(seed: 62);

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(TextVectorFormat.Word2Vec, report.Format);
        AssertVocabulary(report, ("the", 0), ("of", 1));
        FloatAssert.BitwiseEqual([1f, 2f, 3f, 4f, 5f, 6f], layer.Weights[..6]);
    }

    [Fact]
    public void A_MaskZero_layer_reserves_id_0_for_padding_and_leaves_its_row_at_the_initializer()
    {
        string path = Write("cat 1 2\ndog 3 4\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 63);
        float[] before = layer.Weights.ToArray();

        TextVectorsReport report = TextVectors.Load(layer, path);

        AssertVocabulary(report, ("cat", 1), ("dog", 2));
        FloatAssert.BitwiseEqual(before.AsSpan(0, 2), layer.Weights[..2]);
        FloatAssert.BitwiseEqual([1f, 2f, 3f, 4f], layer.Weights[2..6]);
        Assert.Equal([0, .. Enumerable.Range(3, 47)], report.RowsLeftAtInitializer);
    }

    [Fact]
    public void On_a_MaskZero_layer_the_pad_line_loads_into_the_padding_row_and_takes_no_id_from_the_tokens_after_it()
    {
        string path = Write("cat 1 2\n<pad> 0 0.5\ndog 3 4\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 68);

        TextVectorsReport report = TextVectors.Load(layer, path);

        AssertVocabulary(report, ("<pad>", 0), ("cat", 1), ("dog", 2));
        FloatAssert.BitwiseEqual([0f, 0.5f, 1f, 2f, 3f, 4f], layer.Weights[..6]);
        Assert.Equal(Enumerable.Range(3, 47), report.RowsLeftAtInitializer);
    }

    [Fact]
    public void A_given_vocabulary_may_map_pad_to_the_padding_row_of_a_MaskZero_layer()
    {
        string path = Write("<pad> 0 0.5\ncat 1 2\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 69);

        TextVectorsReport report = TextVectors.Load(layer, path, new Dictionary<string, int> { ["<pad>"] = 0, ["cat"] = 4 });

        FloatAssert.BitwiseEqual([0f, 0.5f], layer.Weights[..2]);
        FloatAssert.BitwiseEqual([1f, 2f], layer.Weights[8..10]);
        Assert.DoesNotContain(0, report.RowsLeftAtInitializer);
    }

    [Fact]
    public void A_given_vocabulary_places_each_vector_at_its_id_and_reports_tokens_it_lacks()
    {
        string path = Write("dog 1 2\nbird 3 4\ncat 5 6\n");
        var vocabulary = new Dictionary<string, int> { ["cat"] = 7, ["dog"] = 3, ["fish"] = 9 };
        IEmbeddingLayer layer = new Dim2Layer(seed: 64);
        float[] before = layer.Weights.ToArray();

        TextVectorsReport report = TextVectors.Load(layer, path, vocabulary);

        AssertVocabulary(report, ("cat", 7), ("dog", 3), ("fish", 9));
        FloatAssert.BitwiseEqual([1f, 2f], layer.Weights[6..8]);
        FloatAssert.BitwiseEqual([5f, 6f], layer.Weights[14..16]);
        Assert.Equal(["bird"], report.TokensThatDidNotFit);
        int[] untouched = Enumerable.Range(0, 50).Where(id => id is not (3 or 7)).ToArray();
        Assert.Equal(untouched, report.RowsLeftAtInitializer);
        foreach (int id in untouched)
        {
            FloatAssert.BitwiseEqual(before.AsSpan(id * 2, 2), layer.Weights.Slice(id * 2, 2));
        }
    }

    [Theory]
    [InlineData(0, "[1, 50)")]
    [InlineData(50, "[1, 50)")]
    [InlineData(-1, "[1, 50)")]
    public void A_given_vocabulary_with_an_id_outside_the_MaskZero_layer_s_real_tokens_throws_ArgumentException_before_reading(int id, string range)
    {
        string path = Write("cat 1 2\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 65);
        float[] before = layer.Weights.ToArray();

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Load(layer, path, new Dictionary<string, int> { ["cat"] = id }));

        Assert.Equal("vocabulary", exception.ParamName);
        Assert.Contains("'cat'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(range, exception.Message, StringComparison.Ordinal);
        MessageAssert.NamesNumbers(exception, id);
        FloatAssert.BitwiseEqual(before, layer.Weights);
    }

    [Fact]
    public void A_given_vocabulary_may_use_id_0_on_a_layer_without_MaskZero()
    {
        string path = Write("cat 1 2 3\n");
        IEmbeddingLayer layer = new Dim3Layer(seed: 66);

        TextVectorsReport report = TextVectors.Load(layer, path, new Dictionary<string, int> { ["cat"] = 0 });

        FloatAssert.BitwiseEqual([1f, 2f, 3f], layer.Weights[..3]);
        Assert.DoesNotContain(0, report.RowsLeftAtInitializer);
    }

    [Fact]
    public void Tokens_beyond_InputDim_are_reported_in_file_order_and_change_nothing()
    {
        // 49 real tokens fit a MaskZero layer of 50 rows; the file has 52.
        string path = Write(string.Concat(Enumerable.Range(0, 52).Select(i => $"w{i} {i} {-i}\n")));
        IEmbeddingLayer layer = new Dim2Layer(seed: 67);
        float[] before = layer.Weights.ToArray();

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(["w49", "w50", "w51"], report.TokensThatDidNotFit);
        Assert.Equal(49, report.Vocabulary.Count);
        Assert.Equal(49, report.Vocabulary["w48"]);
        Assert.Equal([0], report.RowsLeftAtInitializer);
        FloatAssert.BitwiseEqual(before.AsSpan(0, 2), layer.Weights[..2]);
        FloatAssert.BitwiseEqual([48f, -48f], layer.Weights[98..100]);
    }

    [Fact]
    public void A_token_listed_twice_is_reported_once_per_repeat_and_its_first_vector_wins()
    {
        string path = Write("a 1 1 1\nb 2 2 2\na 3 3 3\nc 4 4 4\na 5 5 5\n");
        IEmbeddingLayer layer = new Dim3Layer(seed: 68);

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(["a", "a"], report.DuplicateTokens);
        AssertVocabulary(report, ("a", 0), ("b", 1), ("c", 2));
        FloatAssert.BitwiseEqual([1f, 1f, 1f, 2f, 2f, 2f, 4f, 4f, 4f], layer.Weights[..9]);
    }

    [Fact]
    public void A_token_holding_spaces_is_everything_before_the_last_OutputDim_numbers()
    {
        string path = Write("New York 0.5 0.25\nLos  Angeles -1 2\nx 3 4\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 69);

        TextVectorsReport report = TextVectors.Load(layer, path);

        AssertVocabulary(report, ("New York", 1), ("Los Angeles", 2), ("x", 3));
        FloatAssert.BitwiseEqual([0.5f, 0.25f, -1f, 2f, 3f, 4f], layer.Weights[2..8]);
    }

    [Fact]
    public void Blank_lines_CRLF_endings_a_UTF8_byte_order_mark_and_tokens_outside_ASCII_are_read()
    {
        string path = _folder.Write("mixed.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("2 2\r\n\r\ncafé 1 2\r\n日本 3 4\r\n\r\n")]);
        IEmbeddingLayer layer = new Dim2Layer(seed: 70);

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(TextVectorFormat.Word2Vec, report.Format);
        AssertVocabulary(report, ("café", 1), ("日本", 2));
        FloatAssert.BitwiseEqual([1f, 2f, 3f, 4f], layer.Weights[2..6]);
    }

    [Fact]
    public void Numbers_in_every_form_a_writer_produces_parse_exactly()
    {
        string path = Write("a -0 1e-45\nb 3.4028235E+38 -1.5e-3\nc NaN -Infinity\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 71);

        TextVectors.Load(layer, path);

        FloatAssert.BitwiseEqual([-0f, float.Epsilon, float.MaxValue, -0.0015f], layer.Weights[2..6]);
        Assert.True(float.IsNaN(layer.Weights[6]));
        Assert.Equal(float.NegativeInfinity, layer.Weights[7]);
    }

    [Fact]
    public void A_line_with_too_few_numbers_throws_naming_the_line_and_both_lengths_and_no_row_is_written()
    {
        string path = Write("a 1 2\nb 3 4\nc 5\nd 6 7\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 72);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), "line 3", "has 1 numbers", "OutputDim is 2");
    }

    [Fact]
    public void A_word2vec_header_with_another_dimension_throws_naming_both()
    {
        string path = Write("2 5\na 1 2 3 4 5\nb 1 2 3 4 5\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 73);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), "vectors of 5", "OutputDim is 2");
    }

    [Theory]
    [InlineData("3 3\nthe 1 2 3\nof 4 5 6\n", 3, 2)]
    [InlineData("1 3\nthe 1 2 3\nof 4 5 6\n", 1, 2)]
    [InlineData("2 3\n", 2, 0)]
    public void A_word2vec_header_whose_count_is_not_the_number_of_vector_lines_throws_naming_both(string text, int count, int lines)
    {
        string path = Write(text);
        IEmbeddingLayer layer = new Dim3Layer(seed: 75);

        WeightFileException exception = WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), "word2vec header");

        MessageAssert.NamesNumbers(exception, count, lines);
    }

    [Theory]
    [InlineData("2 1\na 0.5\nb -0.25\n", null, TextVectorFormat.Word2Vec, new[] { "a", "b" }, new[] { 0.5f, -0.25f })]
    [InlineData("3 1\na 0.5\nb -0.25\n", null, TextVectorFormat.GloVe, new[] { "3", "a", "b" }, new[] { 1f, 0.5f, -0.25f })]
    [InlineData("7 3\na 0.5\n", null, TextVectorFormat.GloVe, new[] { "7", "a" }, new[] { 3f, 0.5f })]
    [InlineData("2 1\na 0.5\nb -0.25\n", TextVectorFormat.GloVe, TextVectorFormat.GloVe, new[] { "2", "a", "b" }, new[] { 1f, 0.5f, -0.25f })]
    [InlineData("2 1\na 0.5\nb -0.25\n", TextVectorFormat.Word2Vec, TextVectorFormat.Word2Vec, new[] { "a", "b" }, new[] { 0.5f, -0.25f })]
    public void At_OutputDim_1_a_first_line_of_two_whole_numbers_is_a_header_only_if_its_count_and_dimension_fit_or_the_format_says_so(
        string text, TextVectorFormat? format, TextVectorFormat expectedFormat, string[] tokens, float[] values)
    {
        string path = Write(text);
        IEmbeddingLayer layer = new Dim1Layer(seed: 77);

        TextVectorsReport report = TextVectors.Load(layer, path, format: format);

        Assert.Equal(expectedFormat, report.Format);
        AssertVocabulary(report, [.. tokens.Select((token, id) => (token, id))]);
        FloatAssert.BitwiseEqual(values, layer.Weights[..values.Length]);
    }

    [Fact]
    public void Loading_as_word2vec_a_file_without_a_header_throws_naming_the_line()
    {
        string path = Write("the 1 2 3\nof 4 5 6\n");
        IEmbeddingLayer layer = new Dim3Layer(seed: 78);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path, format: TextVectorFormat.Word2Vec), "line 1", "word2vec header");
    }

    [Fact]
    public void Loading_as_GloVe_a_word2vec_file_reads_its_header_as_a_short_line()
    {
        string path = Write("2 3\nthe 1 2 3\nof 4 5 6\n");
        IEmbeddingLayer layer = new Dim3Layer(seed: 79);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path, format: TextVectorFormat.GloVe), "line 1", "has 1 numbers");
    }

    [Fact]
    public void A_format_outside_the_enum_throws_ArgumentOutOfRangeException_naming_it()
    {
        string path = Write("the 1 2 3\n");
        IEmbeddingLayer layer = new Dim3Layer(seed: 80);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => TextVectors.Load(layer, path, format: (TextVectorFormat)7));

        Assert.Equal("format", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 7);
    }

    [Fact]
    public void A_field_that_is_not_a_number_throws_naming_the_line_and_the_field()
    {
        string path = Write("a 1 2\nb 3 4\nc 5 1.2.3\n");
        IEmbeddingLayer layer = new Dim2Layer(seed: 74);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), "line 3", "'1.2.3' is not a number");
    }

    [Theory]
    [InlineData(5, 10)]
    [InlineData(1, 3)]
    [InlineData(400, 450)] // well past the reader's first buffer
    public void A_line_that_is_not_UTF8_throws_naming_that_line(int badLine, int lineCount)
    {
        var bytes = new List<byte>();
        for (int line = 1; line <= lineCount; line++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes($"w{line}"));
            if (line == badLine)
            {
                bytes.AddRange([0xC3, 0x28]); // a lead byte followed by a byte that cannot continue it
            }

            bytes.AddRange(Encoding.UTF8.GetBytes($" {line} 0.5\n"));
        }

        string path = _folder.Write("latin.txt", [.. bytes]);
        IEmbeddingLayer layer = new Dim2Layer(seed: 75);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), $"line {badLine} is not valid UTF-8");
    }

    [Fact]
    public void A_multibyte_character_cut_off_at_the_end_of_the_file_is_not_UTF8()
    {
        string path = _folder.Write("cut.txt", [.. "a 1 2\nb 3 4\nc"u8, 0xE2, 0x82]);
        IEmbeddingLayer layer = new Dim2Layer(seed: 76);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), "line 3 is not valid UTF-8");
    }

    [Fact]
    public void Load_of_a_missing_file_throws_FileNotFoundException_and_leaves_the_layer_unchanged()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 77);
        float[] before = layer.Weights.ToArray();

        Assert.Throws<FileNotFoundException>(() => TextVectors.Load(layer, _folder.File("absent.txt")));

        FloatAssert.BitwiseEqual(before, layer.Weights);
    }

    private string Write(string text) => _folder.Write("vectors.txt", new UTF8Encoding(false).GetBytes(text));

    private static void AssertVocabulary(TextVectorsReport report, params (string Token, int Id)[] expected) =>
        Assert.Equal(
            expected.OrderBy(entry => entry.Token, StringComparer.Ordinal),
            report.Vocabulary.Select(entry => (entry.Key, entry.Value)).OrderBy(entry => entry.Key, StringComparer.Ordinal));
}
