using System;
using CsCheck;
using Embedding.Generated.Constraints;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Constraints;

/// <summary>Keras's <c>NonNeg()</c> is <c>maximum(w, 0)</c>, elementwise: over random tables nothing negative is left and nothing else moves.</summary>
public sealed class NonNegPropertyTests
{
    [Fact]
    public void NonNeg_leaves_no_negative_weight_and_keeps_every_other_weight_bit_for_bit()
    {
        TableGen.Any.Sample(table =>
        {
            float[] values = table.CopyOfValues();
            new NonNeg().Apply(values, table.Rows, table.Columns);

            for (int i = 0; i < values.Length; i++)
            {
                float before = table.Values[i];
                if (before < 0f)
                {
                    Check(values[i] == 0f, $"element {i} was {before:R} and is {values[i]:R}, not 0.");
                }
                else
                {
                    Check(BitConverter.SingleToUInt32Bits(values[i]) == BitConverter.SingleToUInt32Bits(before), $"element {i} was {before:R} and is {values[i]:R}.");
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void NonNeg_applied_twice_equals_NonNeg_applied_once()
    {
        TableGen.Any.Sample(table =>
        {
            float[] once = table.CopyOfValues();
            new NonNeg().Apply(once, table.Rows, table.Columns);
            float[] twice = (float[])once.Clone();
            new NonNeg().Apply(twice, table.Rows, table.Columns);

            Check(once.AsSpan().SequenceEqual(twice), "a second NonNeg changed the table.");
        }, iter: 500);
    }

    [Fact]
    public void NonNeg_is_row_wise()
    {
        Assert.True(new NonNeg().IsRowWise);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }
}
