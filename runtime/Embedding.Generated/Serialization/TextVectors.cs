using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Unicode;

namespace Embedding.Generated.Serialization;

/// <summary>The two plain-text vector formats.</summary>
public enum TextVectorFormat
{
    /// <summary>GloVe: one <c>token v1 v2 ...</c> line per token, no header.</summary>
    GloVe,

    /// <summary>word2vec text: a first line <c>count dimensions</c>, then lines as in GloVe.</summary>
    Word2Vec,
}

/// <summary>What loading pretrained text vectors did to the layer.</summary>
public sealed class TextVectorsReport : WeightLoadReport
{
    internal TextVectorsReport(
        TextVectorFormat format,
        IReadOnlyDictionary<string, int> vocabulary,
        IReadOnlyList<string> tokensThatDidNotFit,
        IReadOnlyList<string> duplicateTokens,
        IReadOnlyList<int> rowsLeftAtInitializer,
        int nonFiniteValues)
        : base(nonFiniteValues)
    {
        Format = format;
        Vocabulary = vocabulary;
        TokensThatDidNotFit = tokensThatDidNotFit;
        DuplicateTokens = duplicateTokens;
        RowsLeftAtInitializer = rowsLeftAtInitializer;
    }

    /// <summary>The format the file turned out to be in.</summary>
    public TextVectorFormat Format { get; }

    /// <summary>Token to id: the vocabulary that was given, or the one built from the file's order.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    /// <summary>Tokens of the file that got no row: beyond InputDim, or absent from a given vocabulary.</summary>
    public IReadOnlyList<string> TokensThatDidNotFit { get; }

    /// <summary>Tokens the file lists more than once; the first vector of each was loaded.</summary>
    public IReadOnlyList<string> DuplicateTokens { get; }

    /// <summary>
    /// Rows no vector was loaded into. Row 0 of a MaskZero layer, the padding row, is among them unless the file has a
    /// <see cref="TextVectors.PaddingToken"/> line.
    /// </summary>
    public IReadOnlyList<int> RowsLeftAtInitializer { get; }
}

/// <summary>
/// Loads and saves pretrained vectors in the GloVe and word2vec text formats, with the vocabulary that maps tokens to
/// the layer's ids.
/// </summary>
public static class TextVectors
{
    /// <summary>
    /// The token that names the padding row 0 of a MaskZero layer in a text file. The formats give ids in the file's
    /// order, and a MaskZero layer's first token gets id 1; so that a saved padding row comes back to row 0, it goes
    /// under this token, which no other row of a MaskZero layer may use.
    /// </summary>
    public const string PaddingToken = "<pad>";

    /// <summary>
    /// Loads vectors into the layer. Without <paramref name="vocabulary"/>, ids are given in the file's order, starting at
    /// 1 on a MaskZero layer (0 is padding) and at 0 otherwise; on a MaskZero layer the line of
    /// <see cref="PaddingToken"/> loads into the padding row 0. The file is parsed in full first; on any problem the
    /// layer is unchanged. Rows without a vector keep their initial values.
    /// </summary>
    /// <param name="layer">The layer whose rows receive the vectors.</param>
    /// <param name="path">The text file.</param>
    /// <param name="vocabulary">Token to id; without it, ids follow the file's order.</param>
    /// <param name="format">
    /// The file's format, or null to tell it from the first line: two whole numbers make a word2vec header. Only at
    /// OutputDim 1 can a GloVe line look like that (a number as token, a whole value); there a header whose count
    /// does not match the file's lines is read as a GloVe line instead, and <see cref="TextVectorFormat.GloVe"/> settles
    /// any doubt (as gensim's <c>no_header</c> does).
    /// </param>
    /// <param name="rejectNonFinite">
    /// Whether a value that is NaN or infinite (<c>nan</c>, <c>inf</c>, <c>-Infinity</c>, or a number beyond float's
    /// range such as <c>1e999</c>) makes the load throw instead of being loaded.
    /// </param>
    /// <exception cref="WeightFileException">
    /// A line is malformed, the vectors' length is not OutputDim, or a word2vec header's count is not the number of
    /// vector lines (a file cut short, for one); or a loaded value is not finite and <paramref name="rejectNonFinite"/>
    /// is set.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A vocabulary id is outside the layer's range, or is the padding id 0 of a MaskZero layer for a token other than
    /// <see cref="PaddingToken"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="TextVectorFormat"/>.</exception>
    public static TextVectorsReport Load(
        IEmbeddingLayer layer, string path, IReadOnlyDictionary<string, int>? vocabulary = null, TextVectorFormat? format = null, bool rejectNonFinite = false)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (format is { } given && !Enum.IsDefined(given))
        {
            throw new ArgumentOutOfRangeException(nameof(format), given, $"format must be {TextVectorFormat.GloVe}, {TextVectorFormat.Word2Vec} or null, but is {(int)given}.");
        }

        int firstId = layer.MaskZero ? 1 : 0;
        if (vocabulary is not null)
        {
            foreach ((string token, int id) in vocabulary)
            {
                // Below firstId is only the padding row 0 of a MaskZero layer, which PaddingToken alone may name.
                if ((id < firstId && !(id == 0 && token == PaddingToken)) || id >= layer.InputDim)
                {
                    throw new ArgumentException(
                        $"vocabulary maps '{token}' to id {id}, outside [{firstId}, {layer.InputDim}){(layer.MaskZero ? $" (id 0 is the padding of this MaskZero layer, named only by '{PaddingToken}')" : string.Empty)}.",
                        nameof(vocabulary));
                }
            }
        }

        int outputDim = layer.OutputDim;
        float[] staged = layer.Weights.ToArray();
        var loaded = new bool[layer.InputDim];
        var ids = vocabulary is null ? new Dictionary<string, int>(StringComparer.Ordinal) : new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        var didNotFit = new List<string>();
        var duplicates = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nonFinite = new NonFiniteTally(outputDim);
        int nextId = firstId;
        TextVectorFormat detected = format ?? TextVectorFormat.GloVe;
        int? headerCount = null;
        int vectorLines = 0;
        bool firstLine = true;

        // UTF-8 only: a UTF-8 byte-order mark is skipped (it is this encoding's preamble), but no other byte-order mark
        // may switch the reader to UTF-16 or UTF-32.
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        int lineNumber = 0;
        try
        {
            for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                lineNumber++;
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 0)
                {
                    continue;
                }

                if (firstLine)
                {
                    firstLine = false;
                    if (ReadsAsHeader(fields, format, outputDim, path, lineNumber, out int count))
                    {
                        detected = TextVectorFormat.Word2Vec;
                        headerCount = count;
                        continue;
                    }
                }

                vectorLines++;

                if (fields.Length < outputDim + 1)
                {
                    throw new WeightFileException(path, $"line {lineNumber} has {fields.Length - 1} numbers after its token, but the layer's OutputDim is {outputDim}.");
                }

                // A token may itself hold spaces (GloVe 840B has some): it is everything before the last OutputDim fields.
                string token = string.Join(' ', fields, 0, fields.Length - outputDim);
                if (!seen.Add(token))
                {
                    duplicates.Add(token);
                    continue;
                }

                int id;
                if (vocabulary is not null)
                {
                    if (!vocabulary.TryGetValue(token, out id))
                    {
                        didNotFit.Add(token);
                        continue;
                    }
                }
                else if (layer.MaskZero && token == PaddingToken)
                {
                    id = 0;
                    ids[token] = id;
                }
                else if (nextId < layer.InputDim)
                {
                    id = nextId++;
                    ids[token] = id;
                }
                else
                {
                    didNotFit.Add(token);
                    continue;
                }

                Span<float> row = staged.AsSpan(id * outputDim, outputDim);
                for (int j = 0; j < outputDim; j++)
                {
                    string number = fields[fields.Length - outputDim + j];
                    if (!TryParseValue(number, out row[j]))
                    {
                        throw new WeightFileException(path, $"line {lineNumber}: '{number}' is not a number.");
                    }

                    nonFinite.Add(((long)id * outputDim) + j, row[j], $"line {lineNumber}, '{number}' for token '{token}'");
                }

                loaded[id] = true;
            }
        }
        catch (DecoderFallbackException exception)
        {
            // The reader decodes a whole buffer ahead of the line it returns, so its count is not the bad line's.
            throw new WeightFileException(path, $"line {FirstLineThatIsNotUtf8(path) ?? lineNumber + 1} is not valid UTF-8.", exception);
        }

        if (headerCount is int expected && expected != vectorLines)
        {
            if (format is null && outputDim == 1)
            {
                // "3 1" was then a GloVe line: the token "3" with the value 1. Nothing was written yet.
                reader.Dispose();
                return Load(layer, path, vocabulary, TextVectorFormat.GloVe, rejectNonFinite);
            }

            throw new WeightFileException(path, $"the word2vec header says {expected} vectors, but the file holds {vectorLines} vector lines.");
        }

        nonFinite.ThrowIfRejected(path, rejectNonFinite);

        staged.CopyTo(layer.Weights);
        var leftAtInitializer = new List<int>();
        for (int id = 0; id < loaded.Length; id++)
        {
            if (!loaded[id])
            {
                leftAtInitializer.Add(id);
            }
        }

        return new TextVectorsReport(detected, ids, didNotFit, duplicates, leftAtInitializer, nonFinite.Count);
    }

    /// <summary>
    /// Writes the rows <paramref name="tokens"/> names, atomically: <paramref name="tokens"/>[id] names row id, and rows
    /// past the list's end are left out. A load gives ids in the file's order, so every row up to the list's end needs a
    /// token, except the padding row 0 of a MaskZero layer: left null or empty it is left out, and named
    /// <see cref="PaddingToken"/> it is written and loads back into row 0. Every token must read back as itself: the
    /// formats end a token at a line break and separate fields by spaces, so a token may hold single spaces only between
    /// other characters, and no two rows may share one. A GloVe file of OutputDim 1 whose first token is a number may
    /// read as word2vec; load it with <see cref="TextVectorFormat.GloVe"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The token list is longer than the table, a row before its end has no token, or a token would not read back as
    /// itself at its row (a line break, a space at either end or two in a row, the same token for two rows, a padding row
    /// named other than <see cref="PaddingToken"/> or that token on another row of a MaskZero layer); nothing is written.
    /// </exception>
    public static void Save(IEmbeddingLayer layer, IReadOnlyList<string?> tokens, string path, TextVectorFormat format = TextVectorFormat.Word2Vec)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count > layer.InputDim)
        {
            throw new ArgumentException($"tokens has {tokens.Count} entries, but the table has only {layer.InputDim} rows.", nameof(tokens));
        }

        int count = CountTokensThatReadBack(tokens, layer.MaskZero);
        int outputDim = layer.OutputDim;
        AtomicFile.Write(path, stream =>
        {
            // Row by row from the table into the file: no copy of the table or of the text is held.
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            if (format == TextVectorFormat.Word2Vec)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{count} {outputDim}\n"));
            }

            Span<char> number = stackalloc char[32];
            ReadOnlySpan<float> weights = layer.Weights;
            for (int id = 0; id < tokens.Count; id++)
            {
                string? token = tokens[id];
                if (string.IsNullOrEmpty(token))
                {
                    continue;
                }

                writer.Write(token);
                foreach (float value in weights.Slice(id * outputDim, outputDim))
                {
                    value.TryFormat(number, out int length, "R", CultureInfo.InvariantCulture);
                    writer.Write(' ');
                    writer.Write(number[..length]);
                }

                writer.Write('\n');
            }
        });
    }

    /// <summary>
    /// The number of rows that have a token, once every token is known to read back as itself at its row (on a MaskZero
    /// layer, row 0 only as <see cref="PaddingToken"/>); checked before anything is written.
    /// </summary>
    private static int CountTokensThatReadBack(IReadOnlyList<string?> tokens, bool maskZero)
    {
        var rowOfToken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < tokens.Count; id++)
        {
            string? token = tokens[id];
            if (string.IsNullOrEmpty(token))
            {
                if (id == 0 && maskZero)
                {
                    continue;
                }

                throw new ArgumentException(
                    $"token {id} is {(token is null ? "null" : "empty")}; a load gives ids in the file's order, so leaving row {id} out would move every later row to the id before it. Give each row up to the last a token{(maskZero ? " (only the padding row 0 of this MaskZero layer may go without)" : string.Empty)}.",
                    nameof(tokens));
            }

            if (maskZero && (id == 0) != (token == PaddingToken))
            {
                throw new ArgumentException(
                    id == 0
                        ? $"token 0 ('{token}') names the padding row of a MaskZero layer, which loads back into row 0 only as '{PaddingToken}'; name it so, or leave it null to leave the row out."
                        : $"token {id} is '{PaddingToken}', which on a MaskZero layer names the padding row 0 and would load into it.",
                    nameof(tokens));
            }

            if (token.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                throw new ArgumentException($"token {id} holds a line break, which the text formats cannot store.", nameof(tokens));
            }

            if (token[0] == ' ' || token[^1] == ' ' || token.Contains("  ", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"token {id} ('{token}') has a space at an end or two in a row; the text formats separate fields by spaces, so it would read back as '{string.Join(' ', token.Split(' ', StringSplitOptions.RemoveEmptyEntries))}'.",
                    nameof(tokens));
            }

            if (!rowOfToken.TryAdd(token, id))
            {
                throw new ArgumentException($"tokens {rowOfToken[token]} and {id} are both '{token}'; a text file maps each token to one row.", nameof(tokens));
            }
        }

        return rowOfToken.Count;
    }

    /// <summary>
    /// Reads one value as .NET does (<c>NaN</c> and <c>Infinity</c> in any case) and also as Python writes the infinities
    /// (<c>inf</c>, <c>-inf</c>: its <c>repr</c>, and so gensim's and numpy's text output).
    /// </summary>
    private static bool TryParseValue(string text, out float value)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        ReadOnlySpan<char> magnitude = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        if (!magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        value = text[0] == '-' ? float.NegativeInfinity : float.PositiveInfinity;
        return true;
    }

    /// <summary>
    /// The number of the first line whose bytes are not UTF-8, counting lines as <see cref="StreamReader.ReadLine"/> does.
    /// Latin-1 maps each byte to one char, and the line breaks it splits on never occur inside a UTF-8 sequence.
    /// </summary>
    private static int? FirstLineThatIsNotUtf8(string path)
    {
        using var reader = new StreamReader(path, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (!Utf8.IsValid(Encoding.Latin1.GetBytes(line)))
            {
                return lineNumber;
            }
        }

        return null;
    }

    // Whether the first non-empty line is a word2vec header; a header for other dimensions is an error, except where an
    // undeclared format lets it be a GloVe line of OutputDim 1.
    private static bool ReadsAsHeader(string[] fields, TextVectorFormat? format, int outputDim, string path, int lineNumber, out int count)
    {
        count = 0;
        if (format == TextVectorFormat.GloVe)
        {
            return false;
        }

        int dimensions = 0;
        bool header = fields.Length == 2 &&
                      int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) &&
                      int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out dimensions);
        if (!header)
        {
            return format == TextVectorFormat.Word2Vec
                ? throw new WeightFileException(path, $"line {lineNumber} should be the word2vec header 'count dimensions', but is not two whole numbers.")
                : false;
        }

        if (dimensions == outputDim)
        {
            return true;
        }

        return format is null && outputDim == 1
            ? false
            : throw new WeightFileException(path, $"the word2vec header says vectors of {dimensions}, but the layer's OutputDim is {outputDim}.");
    }
}
