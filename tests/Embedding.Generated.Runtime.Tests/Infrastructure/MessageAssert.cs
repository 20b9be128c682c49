using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Infrastructure;

/// <summary>Checks that an exception message states the numbers a user needs to fix the call.</summary>
public static class MessageAssert
{
    /// <summary>The message contains each number as a whole number (not as part of a longer one).</summary>
    public static void NamesNumbers(Exception exception, params long[] numbers)
    {
        foreach (long number in numbers)
        {
            string text = number.ToString(CultureInfo.InvariantCulture);
            Assert.True(
                Regex.IsMatch(exception.Message, $@"(?<![\d-]){Regex.Escape(text)}(?!\d)"),
                $"The message should name {text}, but is: {exception.Message}");
        }
    }

    /// <summary>
    /// The exception names the id, where it was found and the valid range: the position as <c>[sequence, offset]</c>
    /// when the sequence length is known, and always the flat index.
    /// </summary>
    public static void NamesIdPositionAndRange(EmbeddingIdOutOfRangeException exception, int id, int flatIndex, int sequenceLength, int inputDim)
    {
        Assert.Equal(id, exception.Id);
        Assert.Equal(flatIndex, exception.Index);
        Assert.Equal(inputDim, exception.InputDim);
        Assert.Contains($"[0, {inputDim.ToString(CultureInfo.InvariantCulture)})", exception.Message, StringComparison.Ordinal);
        NamesNumbers(exception, id, flatIndex);
        if (sequenceLength > 0)
        {
            string position = string.Create(CultureInfo.InvariantCulture, $"[{flatIndex / sequenceLength}, {flatIndex % sequenceLength}]");
            Assert.Contains(position, exception.Message, StringComparison.Ordinal);
        }
    }
}
