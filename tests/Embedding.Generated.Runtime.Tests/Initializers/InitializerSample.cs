using System;
using Embedding.Generated.Initializers;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>Draws tables and large samples from initializers, and checks their moments against a distribution.</summary>
public static class InitializerSample
{
    /// <summary>2^20, the sample size of the Keras fixtures: the relative standard error of a std is then below 0.07 %.</summary>
    public const int LargeSampleSize = 1 << 20;

    public static float[] Table(IEmbeddingInitializer initializer, int inputDim, int outputDim, int seed)
    {
        var weights = new float[inputDim * outputDim];
        initializer.Initialize(weights, inputDim, outputDim, seed);
        return weights;
    }

    /// <summary>
    /// <paramref name="sampleSize"/> weights from tables of the given shape, as the fixtures draw them: table k uses
    /// <c>seed + k</c>, and the last table is cut short.
    /// </summary>
    public static float[] Draw(IEmbeddingInitializer initializer, int inputDim, int outputDim, int seed, int sampleSize = LargeSampleSize)
    {
        var sample = new float[sampleSize];
        int tableLength = inputDim * outputDim;
        for (int k = 0, offset = 0; offset < sampleSize; k++, offset += tableLength)
        {
            float[] table = Table(initializer, inputDim, outputDim, seed + k);
            table.AsSpan(0, Math.Min(tableLength, sampleSize - offset)).CopyTo(sample.AsSpan(offset));
        }

        return sample;
    }

    public static (double Mean, double Std) Moments(ReadOnlySpan<float> sample)
    {
        double sum = 0;
        foreach (float value in sample)
        {
            sum += value;
        }

        double mean = sum / sample.Length;
        double squares = 0;
        foreach (float value in sample)
        {
            squares += (value - mean) * (value - mean);
        }

        return (mean, Math.Sqrt(squares / (sample.Length - 1)));
    }

    /// <summary>
    /// The sample mean lies within 5 standard errors (<c>std / sqrt(n)</c>) of <paramref name="mean"/>, and the sample
    /// standard deviation within 0.5 % of <paramref name="std"/>.
    /// </summary>
    public static void AssertMoments(ReadOnlySpan<float> sample, double mean, double std)
    {
        (double actualMean, double actualStd) = Moments(sample);
        double standardError = std / Math.Sqrt(sample.Length);
        if (Math.Abs(actualMean - mean) > 5 * standardError)
        {
            throw new XunitException($"The sample mean {actualMean:R} is more than 5 standard errors ({standardError:R}) from {mean:R}.");
        }

        if (Math.Abs(actualStd - std) > 0.005 * std)
        {
            throw new XunitException($"The sample std {actualStd:R} is more than 0.5 % from {std:R} (off by {(actualStd / std) - 1:P3}).");
        }
    }

    /// <summary>Every value lies in <c>[low, high]</c>.</summary>
    public static void AssertWithin(ReadOnlySpan<float> sample, float low, float high)
    {
        for (int i = 0; i < sample.Length; i++)
        {
            if (!(sample[i] >= low && sample[i] <= high))
            {
                throw new XunitException($"Value {i} of {sample.Length}, {sample[i]:R}, lies outside [{low:R}, {high:R}].");
            }
        }
    }

    /// <summary>The fraction of values within <paramref name="radius"/> of <paramref name="center"/>.</summary>
    public static double FractionWithin(ReadOnlySpan<float> sample, double center, double radius)
    {
        int count = 0;
        foreach (float value in sample)
        {
            if (Math.Abs(value - center) <= radius)
            {
                count++;
            }
        }

        return (double)count / sample.Length;
    }

    /// <summary>An observed fraction lies within 5 binomial standard errors of <paramref name="expected"/>.</summary>
    public static void AssertFraction(double actual, double expected, int sampleSize, string what)
    {
        double standardError = Math.Sqrt(expected * (1 - expected) / sampleSize);
        if (Math.Abs(actual - expected) > 5 * standardError)
        {
            throw new XunitException($"{what}: {actual:R}, more than 5 standard errors ({standardError:R}) from {expected:R}.");
        }
    }
}
