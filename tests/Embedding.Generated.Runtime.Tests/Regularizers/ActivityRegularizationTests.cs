using System;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Regularizers;

/// <summary>
/// Keras 3.14 and later divide an <c>activity_regularizer</c>'s penalty by the batch size (the first dimension of the
/// output): <c>loss = regularizer(output) / batch_size</c>. The gradient must be that loss's derivative, so it carries the
/// same 1 / batch_size; both are checked against the hand formula and against central differences in double.
/// </summary>
public sealed class ActivityRegularizationTests
{
    private const int Batch = 4;
    private const int SequenceLength = 3;
    private const int OutputDim = 7;
    private const float Step = 1e-2f;

    [Fact]
    public void Loss_is_the_regularizer_of_the_output_divided_by_the_batch_size()
    {
        float[] output = OutputAwayFromZero(new Random(3));
        double sumOfMagnitudes = 0, sumOfSquares = 0;
        foreach (float value in output)
        {
            sumOfMagnitudes += Math.Abs(value);
            sumOfSquares += (double)value * value;
        }

        double loss = ActivityRegularization.Loss(new L1L2(0.2f, 0.05f), output, Batch);

        double expected = ((0.2f * sumOfMagnitudes) + (0.05f * sumOfSquares)) / Batch;
        Assert.Equal(expected, loss, 1e-12 * expected);
    }

    [Fact]
    public void AddGradient_matches_central_differences_of_Loss()
    {
        var regularizer = new L1L2(0.2f, 0.05f);
        float[] output = OutputAwayFromZero(new Random(5));
        float[] gradient = new float[output.Length];
        ActivityRegularization.AddGradient(regularizer, output, gradient, Batch);

        for (int i = 0; i < output.Length; i++)
        {
            float original = output[i];
            float up = original + Step, down = original - Step;
            output[i] = up;
            double lossUp = ActivityRegularization.Loss(regularizer, output, Batch);
            output[i] = down;
            double lossDown = ActivityRegularization.Loss(regularizer, output, Batch);
            output[i] = original;
            double numeric = (lossUp - lossDown) / ((double)up - down);

            Assert.True(
                Math.Abs(numeric - gradient[i]) <= 1e-5 * (1 + Math.Abs(numeric)),
                $"d/doutput[{i}]: AddGradient gives {gradient[i]:R}, central difference {numeric:R}.");
        }
    }

    [Fact]
    public void AddGradient_is_the_regularizers_gradient_divided_by_the_batch_size()
    {
        var regularizer = new L1L2(0.2f, 0.05f);
        float[] output = OutputAwayFromZero(new Random(7));
        float[] divided = new float[output.Length];
        float[] whole = new float[output.Length];

        ActivityRegularization.AddGradient(regularizer, output, divided, Batch);
        regularizer.AddGradient(output, whole);

        for (int i = 0; i < output.Length; i++)
        {
            Assert.Equal(whole[i] / Batch, divided[i], 1e-6f * Math.Abs(whole[i]));
        }
    }

    [Fact]
    public void The_penalty_reaches_the_weights_through_Backward_as_its_central_differences_say()
    {
        // loss(W) = L1L2(Forward(ids)) / batch; its gradient with respect to W is Backward of the output gradient.
        var regularizer = new L1L2(0.2f, 0.05f);
        var random = new Random(11);
        IEmbeddingLayer layer = new Dim7Layer(WeightsAwayFromZero(random, 50 * OutputDim));
        int[] ids = RandomInputs.Ids(random, 50, Batch * SequenceLength);
        float[] output = new float[ids.Length * OutputDim];
        layer.Forward(ids, output);
        float[] outputGradient = new float[output.Length];
        ActivityRegularization.AddGradient(regularizer, output, outputGradient, Batch);
        float[] weightGradient = new float[layer.Weights.Length];
        layer.Backward(ids, outputGradient, weightGradient.AsSpan());

        for (int i = 0; i < weightGradient.Length; i++)
        {
            float original = layer.Weights[i];
            float up = original + Step, down = original - Step;
            layer.Weights[i] = up;
            double lossUp = PenaltyOfForward(layer, ids, regularizer);
            layer.Weights[i] = down;
            double lossDown = PenaltyOfForward(layer, ids, regularizer);
            layer.Weights[i] = original;
            double numeric = (lossUp - lossDown) / ((double)up - down);

            Assert.True(
                Math.Abs(numeric - weightGradient[i]) <= 1e-5 * (1 + Math.Abs(numeric)),
                $"d/dW[{i / OutputDim}, {i % OutputDim}]: Backward of the activity gradient gives {weightGradient[i]:R}, central difference {numeric:R}.");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_batch_size_that_is_not_positive_is_refused(int batchSize)
    {
        var regularizer = new L1L2(0.1f, 0.1f);
        float[] gradient = [7f];

        var lossException = Assert.Throws<ArgumentOutOfRangeException>(() => ActivityRegularization.Loss(regularizer, [1f], batchSize));
        var gradientException = Assert.Throws<ArgumentOutOfRangeException>(() => ActivityRegularization.AddGradient(regularizer, [1f], gradient, batchSize));

        Assert.Equal("batchSize", lossException.ParamName);
        Assert.Equal("batchSize", gradientException.ParamName);
        Assert.Equal([7f], gradient);
    }

    [Fact]
    public void A_null_regularizer_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ActivityRegularization.Loss(null!, [1f], 1));
        Assert.Throws<ArgumentNullException>(() => ActivityRegularization.AddGradient(null!, [1f], new float[1], 1));
    }

    private static double PenaltyOfForward(IEmbeddingLayer layer, int[] ids, IRegularizer regularizer)
    {
        float[] output = new float[ids.Length * OutputDim];
        layer.Forward(ids, output);
        return ActivityRegularization.Loss(regularizer, output, Batch);
    }

    private static float[] OutputAwayFromZero(Random random) => WeightsAwayFromZero(random, Batch * SequenceLength * OutputDim);

    /// <summary>Both signs, magnitudes in [0.1, 2): every value is ten steps or more from the kink of |x| at 0.</summary>
    private static float[] WeightsAwayFromZero(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            float magnitude = 0.1f + (1.9f * random.NextSingle());
            values[i] = random.Next(2) == 0 ? magnitude : -magnitude;
        }

        return values;
    }
}
