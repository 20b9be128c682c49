using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary><see cref="TextVectors.Save"/>: the text each format holds, and a round trip through <see cref="TextVectors.Load"/>.</summary>
public sealed class TextVectorsSaveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Word2vec_text_is_a_count_and_dimension_line_then_one_line_per_named_row_with_shortest_round_trip_numbers()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 81);
        float[] rows = [0.5f, -1f, 0.1f, float.Epsilon, -0f, 3e38f];
        rows.CopyTo(layer.Weights[2..8]);
        string path = _folder.File("w2v.txt");

        TextVectors.Save(layer, [null, "a", "b", "c"], path);

        Assert.Equal("3 2\na 0.5 -1\nb 0.1 1E-45\nc -0 3E+38\n", File.ReadAllText(path));
    }

    [Fact]
    public void GloVe_text_has_no_header_and_rows_past_the_token_list_are_left_out()
    {
        IEmbeddingLayer layer = new Dim3Layer(seed: 82);
        float[] rows = [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f];
        rows.CopyTo(layer.Weights);
        string path = _folder.File("glove.txt");

        TextVectors.Save(layer, ["x", "y", "z"], path, TextVectorFormat.GloVe);

        Assert.Equal("x 1 2 3\ny 4 5 6\nz 7 8 9\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(false, 2, null)]
    [InlineData(false, 2, "")]
    [InlineData(false, 0, null)] // row 0 is a real row without MaskZero
    [InlineData(true, 3, null)]
    [InlineData(true, 1, "")]
    public void A_row_without_a_token_before_the_list_s_end_throws_ArgumentException_naming_its_id_as_later_rows_would_shift(
        bool maskZero, int id, string? missing)
    {
        // Loading gives ids in the file's order: had row id been left out, the row after it would load as id.
        IEmbeddingLayer layer = maskZero ? new Dim2Layer(seed: 96) : new Dim3Layer(seed: 96);
        string?[] tokens = [.. Enumerable.Range(0, 5).Select(i => i == 0 && maskZero ? null : $"t{i}")];
        tokens[id] = missing;

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, tokens, _folder.File("gap.txt")));

        Assert.Equal("tokens", exception.ParamName);
        Assert.StartsWith($"token {id} is {(missing is null ? "null" : "empty")}", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Entries());
    }

    [Theory]
    [InlineData(TextVectorFormat.Word2Vec)]
    [InlineData(TextVectorFormat.GloVe)]
    public void Save_then_Load_of_a_MaskZero_layer_whose_padding_row_is_named_pad_gives_back_the_same_table_and_vocabulary(TextVectorFormat format)
    {
        IEmbeddingLayer saved = new Dim8Layer(seed: 97);
        string?[] tokens = [TextVectors.PaddingToken, .. Enumerable.Range(1, 49).Select(id => $"token{id}")];
        string path = _folder.File("padded.txt");
        IEmbeddingLayer loaded = new Dim8Layer(seed: 98);

        TextVectors.Save(saved, tokens, path, format);
        TextVectorsReport report = TextVectors.Load(loaded, path);

        Assert.Equal("<pad>", TextVectors.PaddingToken);
        Assert.StartsWith(format == TextVectorFormat.Word2Vec ? "50 8\n<pad> " : "<pad> ", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 50).ToDictionary(id => tokens[id]!), report.Vocabulary.ToDictionary());
        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
        Assert.Empty(report.RowsLeftAtInitializer);
    }

    [Fact]
    public void The_padding_row_of_a_MaskZero_layer_named_other_than_pad_throws_ArgumentException_as_it_would_load_as_id_1()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 99);

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, ["[PAD]", "a", "b"], _folder.File("named.txt")));

        Assert.Equal("tokens", exception.ParamName);
        Assert.Contains("token 0 ('[PAD]')", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'<pad>'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Entries());
    }

    [Fact]
    public void Pad_naming_a_row_other_than_0_of_a_MaskZero_layer_throws_ArgumentException_naming_its_id()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 100);

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, [null, "a", "<pad>"], _folder.File("pad2.txt")));

        Assert.Equal("tokens", exception.ParamName);
        Assert.StartsWith("token 2 is '<pad>'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Entries());
    }

    [Fact]
    public void Pad_is_an_ordinary_token_without_MaskZero_and_round_trips_at_row_0()
    {
        IEmbeddingLayer saved = new Dim3Layer(seed: 101);
        string?[] tokens = ["<pad>", "a", "b"];
        string path = _folder.File("plain.txt");
        IEmbeddingLayer loaded = new Dim3Layer(seed: 102);

        TextVectors.Save(saved, tokens, path);
        TextVectorsReport report = TextVectors.Load(loaded, path);

        Assert.Equal(new Dictionary<string, int> { ["<pad>"] = 0, ["a"] = 1, ["b"] = 2 }, report.Vocabulary.ToDictionary());
        FloatAssert.BitwiseEqual(saved.Weights[..9], loaded.Weights[..9]);
    }

    [Theory]
    [InlineData(TextVectorFormat.Word2Vec)]
    [InlineData(TextVectorFormat.GloVe)]
    public void Save_then_Load_restores_every_named_row_bit_for_bit_at_the_same_ids(TextVectorFormat format)
    {
        IEmbeddingLayer saved = new Dim8Layer(seed: 83);
        float[] awkward = FloatBytes.Awkward().Where(value => !float.IsNaN(value)).ToArray();
        for (int i = 0; i < saved.Weights.Length; i++)
        {
            saved.Weights[i] = awkward[i % awkward.Length];
        }

        string?[] tokens = [null, .. Enumerable.Range(1, 49).Select(id => $"token{id}")];
        string path = _folder.File("roundtrip.txt");
        IEmbeddingLayer loaded = new Dim8Layer(seed: 84);
        float[] padding = loaded.Weights[..8].ToArray();

        TextVectors.Save(saved, tokens, path, format);
        TextVectorsReport report = TextVectors.Load(loaded, path);

        Assert.Equal(format, report.Format);
        Assert.All(Enumerable.Range(1, 49), id => Assert.Equal(id, report.Vocabulary[$"token{id}"]));
        FloatAssert.BitwiseEqual(saved.Weights[8..], loaded.Weights[8..]);
        FloatAssert.BitwiseEqual(padding, loaded.Weights[..8]);
        Assert.Equal([0], report.RowsLeftAtInitializer);
    }

    [Fact]
    public void NaN_is_written_as_NaN_and_read_back_as_NaN()
    {
        IEmbeddingLayer saved = new Dim2Layer(seed: 85);
        saved.Weights[2] = BitConverter.UInt32BitsToSingle(0xFFC00123);
        string path = _folder.File("nan.txt");

        TextVectors.Save(saved, [null, "n"], path);
        IEmbeddingLayer loaded = new Dim2Layer(seed: 86);
        TextVectors.Load(loaded, path);

        Assert.True(float.IsNaN(loaded.Weights[2]));
        Assert.Equal(saved.Weights[3], loaded.Weights[3]);
    }

    [Fact]
    public void A_token_holding_a_line_break_throws_ArgumentException_naming_its_id()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 87);

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, [null, "ok", "two\nlines"], _folder.File("broken.txt")));

        Assert.Equal("tokens", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 2);
        Assert.Empty(_folder.Entries());
    }

    [Theory]
    [InlineData(" lead", "lead")]
    [InlineData("trail ", "trail")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData(" ", "")]
    public void A_token_that_would_read_back_changed_throws_ArgumentException_naming_its_id_and_what_it_would_become(string token, string readBack)
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 89);

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, [null, "ok", "fine", token], _folder.File("spaces.txt")));

        Assert.Equal("tokens", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 3);
        Assert.Contains($"'{token}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{readBack}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Entries());
    }

    [Fact]
    public void The_same_token_for_two_rows_throws_ArgumentException_naming_both_ids()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 90);

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, [null, "cat", "dog", "cat"], _folder.File("twice.txt")));

        Assert.Equal("tokens", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 1, 3);
        Assert.Contains("'cat'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Entries());
    }

    [Theory]
    [InlineData(TextVectorFormat.Word2Vec)]
    [InlineData(TextVectorFormat.GloVe)]
    public void Tokens_with_single_inner_spaces_tabs_and_digits_read_back_as_themselves(TextVectorFormat format)
    {
        IEmbeddingLayer saved = new Dim2Layer(seed: 91);
        string?[] tokens = [null, "new york", "a\tb", "1 2 3", "é x", "2"];
        string path = _folder.File("inner.txt");

        TextVectors.Save(saved, tokens, path, format);
        IEmbeddingLayer loaded = new Dim2Layer(seed: 92);
        TextVectorsReport report = TextVectors.Load(loaded, path);

        Assert.Equal(format, report.Format);
        Assert.All(Enumerable.Range(1, 5), id => Assert.Equal(id, report.Vocabulary[tokens[id]!]));
        FloatAssert.BitwiseEqual(saved.Weights[2..12], loaded.Weights[2..12]);
    }

    [Fact]
    public void A_GloVe_file_of_OutputDim_1_whose_first_line_reads_as_a_header_round_trips_when_loaded_as_GloVe()
    {
        IEmbeddingLayer saved = new Dim1Layer(seed: 93);
        saved.Weights[0] = 1f;
        saved.Weights[1] = 0.5f;
        saved.Weights[2] = -0.25f;
        string?[] tokens = ["2", "a", "b"];
        string path = _folder.File("dim1.txt");

        TextVectors.Save(saved, tokens, path, TextVectorFormat.GloVe);
        IEmbeddingLayer guessed = new Dim1Layer(seed: 94);
        TextVectorsReport guess = TextVectors.Load(guessed, path);
        IEmbeddingLayer loaded = new Dim1Layer(seed: 95);
        TextVectorsReport report = TextVectors.Load(loaded, path, format: TextVectorFormat.GloVe);

        // "2 1" then two lines is a well-formed word2vec file too; only the format tells them apart.
        Assert.Equal("2 1\na 0.5\nb -0.25\n", File.ReadAllText(path));
        Assert.Equal(TextVectorFormat.Word2Vec, guess.Format);
        Assert.Equal(TextVectorFormat.GloVe, report.Format);
        Assert.Equal(0, report.Vocabulary["2"]);
        FloatAssert.BitwiseEqual([1f, 0.5f, -0.25f], loaded.Weights[..3]);
    }

    [Fact]
    public void More_tokens_than_rows_throws_ArgumentException_naming_both_counts()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 88);
        string[] tokens = Enumerable.Range(0, 51).Select(i => $"t{i}").ToArray();

        var exception = Assert.Throws<ArgumentException>(() => TextVectors.Save(layer, tokens, _folder.File("long.txt")));

        MessageAssert.NamesNumbers(exception, 51, 50);
        Assert.Empty(_folder.Entries());
    }
}
