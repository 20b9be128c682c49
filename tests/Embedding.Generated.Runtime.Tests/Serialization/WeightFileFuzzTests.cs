using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Seeded fuzzing of the three readers: noise, and valid files with flipped bytes, cut-off ends, false header lengths
/// and edited headers. Whatever the file, <see cref="WeightFileException"/> is the only exception that may escape, and
/// a load that throws leaves every weight as it was. A failure names the seed, the iteration, the mutation and the file.
/// </summary>
public sealed class WeightFileFuzzTests : IDisposable
{
    private const int Iterations = 2000;

    private static readonly string[] JsonSnippets =
    [
        "{", "}", "[", "]", "\"", ":", ",", " ", "\n", "0", "7", "-1", "1.5", "1e309", "18446744073709551616", "9223372036854775807",
        "null", "true", "\"F16\"", "\"BF16\"", "\"I64\"", "\"F64\"", "\"Q4\"", "\"__metadata__\"", "\"embeddings\"", "\"dtype\"",
        "\"shape\"", "\"data_offsets\"", "[50,2]", "[2,50]", "[100]", "[0,400]", "[0,200]", "[400,0]", "{\"a\":\"b\"}", "\\u0000",
        "\\ud800", "\\", "/*", "\\xFF", "\\xC3", "\\xED", "\\x00",
    ];

    private static readonly string[] DictionarySnippets =
    [
        "{", "}", "(", ")", "'", "\"", ":", ",", " ", "\n", "0", "2", "50", "-1", "99999999999999999999", "'<f4'", "'>f4'", "'<f8'",
        "'|u1'", "True", "False", "(50,)", "(50, 2, 1)", "()", "(2, 50)", "'descr'", "'shape'", "'fortran_order'", "\\xFF", "\\xC3",
        "\\x00",
    ];

    private static readonly string[] TextSnippets =
    [
        " ", "  ", "\n", "\r\n", "\r", "\t", "0", "-", "-0", "1e39", "-1e-50", "NaN", "Infinity", "1.2.3", "x", "é", "日本", "2 2", "3 5",
        "0x1F", "1,5", "\\xFF", "\\xC3", "\\xE2\\x82", "\\xED", "\\x00", "\\xEF",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(20250101)]
    [InlineData(7)]
    public void SafeTensors_Load_of_noise_and_mutated_files_throws_only_WeightFileException_and_leaves_the_layer_unchanged(int seed)
    {
        string path = _folder.File("fuzz.safetensors");
        IEmbeddingLayer layer = new Dim2Layer(seed: 101);
        byte[][] valid = [SavedSafeTensors(), HandBuiltSafeTensors()];

        Fuzz(seed, path, layer, () => SafeTensors.Load(layer, path), mutator => MutateSafeTensors(mutator, valid[mutator.Random.Next(valid.Length)]));
    }

    [Theory]
    [InlineData(20250102)]
    [InlineData(8)]
    public void Npy_Load_of_noise_and_mutated_files_throws_only_WeightFileException_and_leaves_the_layer_unchanged(int seed)
    {
        string path = _folder.File("fuzz.npy");
        IEmbeddingLayer layer = new Dim2Layer(seed: 102);
        float[] values = Enumerable.Range(0, 100).Select(i => i * 0.125f).ToArray();
        byte[][] valid =
        [
            SavedNpy(),
            NpyLayout.File(2, 0, NpyLayout.Dictionary("<f4", fortranOrder: false, "(50, 2)"), FloatBytes.LittleEndianF32(values)),
            NpyLayout.File(3, 0, NpyLayout.Dictionary(">f4", fortranOrder: false, "(50, 2)"), FloatBytes.BigEndianF32(values)),
        ];

        Fuzz(seed, path, layer, () => Npy.Load(layer, path), mutator => MutateNpy(mutator, valid[mutator.Random.Next(valid.Length)]));
    }

    [Theory]
    [InlineData(20250103)]
    [InlineData(9)]
    public void TextVectors_Load_of_noise_and_mutated_files_throws_only_WeightFileException_and_leaves_the_layer_unchanged(int seed)
    {
        string path = _folder.File("fuzz.txt");
        IEmbeddingLayer layer = new Dim2Layer(seed: 103);
        var vocabulary = new Dictionary<string, int> { ["α"] = 1, ["b"] = 7, ["New York"] = 49 };
        byte[][] valid = [SavedText(TextVectorFormat.Word2Vec), SavedText(TextVectorFormat.GloVe), "New York 1 2\nb -0 1e-45\nα NaN 3\n"u8.ToArray()];
        int iteration = 0;

        // Every other load maps tokens through a given vocabulary, the rest build one from the file.
        Fuzz(
            seed,
            path,
            layer,
            () => TextVectors.Load(layer, path, iteration++ % 2 == 0 ? null : vocabulary),
            mutator => MutateText(mutator, valid[mutator.Random.Next(valid.Length)]));
    }

    private static void Fuzz(int seed, string path, IEmbeddingLayer layer, Action load, Func<FileMutator, (byte[] File, string Mutation)> next)
    {
        var mutator = new FileMutator(new Random(seed));
        float[] original = layer.Weights.ToArray();
        int rejected = 0;
        int accepted = 0;
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            (byte[] file, string mutation) = next(mutator);
            File.WriteAllBytes(path, file);
            original.CopyTo(layer.Weights);
            try
            {
                load();
                accepted++;
            }
            catch (WeightFileException exception)
            {
                rejected++;
                if (exception.Path != path || !BitwiseEqual(original, layer.Weights))
                {
                    throw new XunitException(Describe(seed, iteration, mutation, file, $"the load threw but changed the layer or named another file: {exception.Message}"));
                }
            }
            catch (Exception exception)
            {
                throw new XunitException(Describe(seed, iteration, mutation, file, $"{exception.GetType().FullName} escaped: {exception}"));
            }
        }

        // Both outcomes occur, so the mutations reach the parsers' checks and the code past them.
        Assert.True(rejected > Iterations / 10 && accepted > 0, $"seed {seed}: {rejected} files rejected, {accepted} accepted of {Iterations}.");
    }

    private static (byte[] File, string Mutation) MutateSafeTensors(FileMutator mutator, byte[] valid)
    {
        int headerEnd = 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(valid);
        switch (mutator.Random.Next(7))
        {
            case 0:
                return (mutator.Noise(300), "noise");
            case 1:
                byte[] noise = mutator.Noise(300);
                byte[] prefixed = [.. new byte[8], .. noise];
                BinaryPrimitives.WriteUInt64LittleEndian(prefixed, (ulong)mutator.Random.Next(noise.Length + 2));
                return (prefixed, "plausible header length, then noise");
            case 2:
                return mutator.FlipBytes(valid);
            case 3:
                return mutator.Truncate(valid);
            case 4:
                ulong[] lengths = [0, 1, (ulong)headerEnd - 9, (ulong)headerEnd - 7, (ulong)valid.Length - 8, (ulong)valid.Length, (ulong)mutator.Random.NextInt64(), ulong.MaxValue, 100_000_001];
                ulong length = lengths[mutator.Random.Next(lengths.Length)];
                byte[] relabelled = [.. valid];
                BinaryPrimitives.WriteUInt64LittleEndian(relabelled, length);
                return (relabelled, $"header length field set to {length}");
            case 5:
                return EditSafeTensorsHeader(mutator, valid, headerEnd);
            default:
                (byte[] once, string first) = EditSafeTensorsHeader(mutator, valid, headerEnd);
                (byte[] twice, string second) = mutator.FlipBytes(once);
                return (twice, $"{first}; then {second}");
        }
    }

    private static (byte[] File, string Mutation) EditSafeTensorsHeader(FileMutator mutator, byte[] valid, int headerEnd)
    {
        (byte[] edited, int growth, string mutation) = mutator.EditRegion(valid, 8, headerEnd, JsonSnippets);
        if (mutator.Random.Next(4) != 0)
        {
            // Usually keep the length field true, so the edit reaches the JSON parser.
            BinaryPrimitives.WriteUInt64LittleEndian(edited, (ulong)(headerEnd - 8 + growth));
            return (edited, $"{mutation}, header length updated");
        }

        return (edited, mutation);
    }

    private static (byte[] File, string Mutation) MutateNpy(FileMutator mutator, byte[] valid)
    {
        bool version1 = valid[6] == 1;
        int prefix = version1 ? 10 : 12;
        int headerEnd = prefix + (int)(version1 ? BinaryPrimitives.ReadUInt16LittleEndian(valid.AsSpan(8)) : BinaryPrimitives.ReadUInt32LittleEndian(valid.AsSpan(8)));
        switch (mutator.Random.Next(7))
        {
            case 0:
                return (mutator.Noise(300), "noise");
            case 1:
                return ([.. valid.AsSpan(0, 8), .. mutator.Noise(300)], "magic and version, then noise");
            case 2:
                return mutator.FlipBytes(valid);
            case 3:
                return mutator.Truncate(valid);
            case 4:
                uint[] lengths = [0, 1, (uint)(headerEnd - prefix - 1), (uint)(headerEnd - prefix + 1), (uint)(valid.Length - prefix), (uint)valid.Length, (uint)mutator.Random.Next(), ushort.MaxValue, uint.MaxValue];
                uint length = lengths[mutator.Random.Next(lengths.Length)];
                byte[] relabelled = [.. valid];
                WriteNpyHeaderLength(relabelled, version1, length);
                return (relabelled, $"header length field set to {length}");
            case 5:
                return EditNpyHeader(mutator, valid, version1, prefix, headerEnd);
            default:
                (byte[] once, string first) = EditNpyHeader(mutator, valid, version1, prefix, headerEnd);
                (byte[] twice, string second) = mutator.Random.Next(2) == 0 ? mutator.FlipBytes(once) : mutator.Truncate(once);
                return (twice, $"{first}; then {second}");
        }
    }

    private static (byte[] File, string Mutation) EditNpyHeader(FileMutator mutator, byte[] valid, bool version1, int prefix, int headerEnd)
    {
        (byte[] edited, int growth, string mutation) = mutator.EditRegion(valid, prefix, headerEnd, DictionarySnippets);
        if (mutator.Random.Next(4) != 0)
        {
            WriteNpyHeaderLength(edited, version1, (uint)(headerEnd - prefix + growth));
            return (edited, $"{mutation}, header length updated");
        }

        return (edited, mutation);
    }

    private static void WriteNpyHeaderLength(byte[] file, bool version1, uint length)
    {
        if (version1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), length);
        }
    }

    private static (byte[] File, string Mutation) MutateText(FileMutator mutator, byte[] valid)
    {
        switch (mutator.Random.Next(6))
        {
            case 0:
                return (mutator.Noise(300), "noise");
            case 1:
                return (mutator.Text("0123456789 .-eE\nNaInfty\r\tαb", 300), "random text");
            case 2:
                return mutator.FlipBytes(valid);
            case 3:
                return mutator.Truncate(valid);
            case 4:
                (byte[] edited, _, string mutation) = mutator.EditRegion(valid, 0, valid.Length, TextSnippets);
                return (edited, mutation);
            default:
                string[] lines = Encoding.UTF8.GetString(valid).Split('\n');
                int from = mutator.Random.Next(lines.Length);
                int to = mutator.Random.Next(lines.Length);
                List<string> reordered = [.. lines];
                reordered.Insert(to, lines[from]);
                if (mutator.Random.Next(2) == 0)
                {
                    reordered.RemoveAt(mutator.Random.Next(reordered.Count));
                }

                return (Encoding.UTF8.GetBytes(string.Join('\n', reordered)), $"line {from} copied to {to}, maybe one removed");
        }
    }

    private byte[] SavedSafeTensors()
    {
        string path = _folder.File("valid.safetensors");
        SafeTensors.Save(new Dim2Layer(seed: 104), path, metadata: new Dictionary<string, string> { ["format"] = "pt", ["note"] = "fuzz" });
        return File.ReadAllBytes(path);
    }

    private static byte[] HandBuiltSafeTensors()
    {
        const string header =
            """{"__metadata__":{"k":"v"},"bias":{"dtype":"BF16","shape":[4],"data_offsets":[0,8]},"embeddings":{"dtype":"F16","shape":[50,2],"data_offsets":[8,208]}}""";
        ushort[] bits = [0x3F80, 0xC040, 0x0001, 0x7FC1, .. Enumerable.Range(0, 100).Select(i => (ushort)(0x3C00 + i))];
        return SafeTensorsLayout.File(header, FloatBytes.LittleEndianU16(bits));
    }

    private byte[] SavedNpy()
    {
        string path = _folder.File("valid.npy");
        Npy.Save(new Dim2Layer(seed: 105), path);
        return File.ReadAllBytes(path);
    }

    private byte[] SavedText(TextVectorFormat format)
    {
        string path = _folder.File("valid.txt");
        string?[] tokens = [null, "α", "b", "New York", "日本", "z"];
        TextVectors.Save(new Dim2Layer(seed: 106), tokens, path, format);
        return File.ReadAllBytes(path);
    }

    private static bool BitwiseEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual) =>
        MemoryMarshal.AsBytes(expected).SequenceEqual(MemoryMarshal.AsBytes(actual));

    private static string Describe(int seed, int iteration, string mutation, byte[] file, string problem) =>
        $"seed {seed}, iteration {iteration}, mutation: {mutation}. {problem}\nThe file ({file.Length} bytes, base64): {Convert.ToBase64String(file)}";
}
