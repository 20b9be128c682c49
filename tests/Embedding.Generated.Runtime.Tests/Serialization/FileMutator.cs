using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Reproducible damage to a file for the fuzz tests: every choice comes from one seeded <see cref="Random"/>, and every
/// mutation returns a description that, with the seed, is enough to rebuild the failing file.
/// </summary>
public sealed class FileMutator(Random random)
{
    public Random Random { get; } = random;

    /// <summary>Up to <paramref name="maxLength"/> bytes of noise.</summary>
    public byte[] Noise(int maxLength)
    {
        var bytes = new byte[Random.Next(maxLength + 1)];
        Random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Up to <paramref name="maxLength"/> characters drawn from <paramref name="alphabet"/>, as UTF-8.</summary>
    public byte[] Text(string alphabet, int maxLength) =>
        Encoding.UTF8.GetBytes(new string(Enumerable.Range(0, Random.Next(maxLength + 1)).Select(_ => alphabet[Random.Next(alphabet.Length)]).ToArray()));

    /// <summary>XORs one to four bytes with random non-zero masks.</summary>
    public (byte[] File, string Mutation) FlipBytes(byte[] file)
    {
        byte[] copy = [.. file];
        if (copy.Length == 0)
        {
            return (copy, "nothing to flip in an empty file");
        }

        var positions = new List<int>();
        for (int flips = Random.Next(1, 5); flips > 0; flips--)
        {
            int position = Random.Next(copy.Length);
            copy[position] ^= (byte)Random.Next(1, 256);
            positions.Add(position);
        }

        return (copy, $"flip bytes at {string.Join(", ", positions)}");
    }

    /// <summary>Cuts the file to a random shorter length.</summary>
    public (byte[] File, string Mutation) Truncate(byte[] file)
    {
        int length = Random.Next(file.Length);
        return (file[..length], $"truncate to {length} of {file.Length} bytes");
    }

    /// <summary>
    /// Edits the region <c>[start, end)</c>: replaces, deletes or duplicates a short span, or inserts one of
    /// <paramref name="snippets"/>. Returns the edited file and how much the region grew (negative if it shrank).
    /// </summary>
    public (byte[] File, int Growth, string Mutation) EditRegion(byte[] file, int start, int end, IReadOnlyList<string> snippets)
    {
        int at = Random.Next(start, end + 1);
        int span = Math.Min(Random.Next(0, 5), end - at);
        byte[] insert;
        string what;
        switch (Random.Next(4))
        {
            case 0:
                string snippet = snippets[Random.Next(snippets.Count)];
                insert = Latin1OrUtf8(snippet);
                what = $"replace {span} bytes at {at} with \"{snippet}\"";
                break;
            case 1:
                insert = [];
                span = Math.Min(Random.Next(1, 12), end - at);
                what = $"delete {span} bytes at {at}";
                break;
            case 2:
                int from = Random.Next(start, end + 1);
                int length = Math.Min(Random.Next(1, 24), end - from);
                insert = file[from..(from + length)];
                span = 0;
                what = $"copy {length} bytes from {from} to {at}";
                break;
            default:
                string inserted = snippets[Random.Next(snippets.Count)];
                insert = Latin1OrUtf8(inserted);
                span = 0;
                what = $"insert \"{inserted}\" at {at}";
                break;
        }

        byte[] edited = [.. file.AsSpan(0, at), .. insert, .. file.AsSpan(at + span)];
        return (edited, insert.Length - span, what);
    }

    /// <summary>Snippets spelled <c>\xNN</c> stand for that raw byte, so a snippet can be invalid UTF-8.</summary>
    private static byte[] Latin1OrUtf8(string snippet) =>
        snippet.StartsWith("\\x", StringComparison.Ordinal) && snippet.Length == 4
            ? [Convert.ToByte(snippet[2..], 16)]
            : Encoding.UTF8.GetBytes(snippet);
}
