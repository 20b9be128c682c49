using System;
using Embedding.Generated.Optimizers;

/// <summary>
/// The model's head, kept in the sample as a user would: y = w . x + b with a mean squared error loss, trained by the
/// same RMSprop the embedding uses (an optimizer steps any span of parameters).
/// </summary>
internal sealed class DenseHead
{
    private readonly int _width;
    // Parameters: the weights, then the bias.
    private readonly float[] _parameters;
    private readonly float[] _gradient;
    private readonly Optimizer _optimizer = new RmsProp();

    public DenseHead(int width, int seed)
    {
        _width = width;
        _parameters = new float[width + 1];
        _gradient = new float[width + 1];
        var random = new Random(seed);
        for (int j = 0; j < width; j++)
        {
            _parameters[j] = (float)((random.NextDouble() * 2 - 1) / Math.Sqrt(width));
        }
    }

    /// <summary>
    /// Predicts, takes one optimizer step on the mean squared error, and writes the loss's gradient with respect to the
    /// inputs into <paramref name="inputGradient"/>. Returns the loss before the step.
    /// </summary>
    public double TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> inputGradient)
    {
        int batch = targets.Length;
        Array.Clear(_gradient);
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<float> x = inputs.Slice(b * _width, _width);
            float prediction = _parameters[_width];
            for (int j = 0; j < _width; j++)
            {
                prediction += _parameters[j] * x[j];
            }

            float error = prediction - targets[b];
            loss += (double)error * error / batch;

            // d(mean of error^2)/d(prediction) = 2 * error / batch
            float dPrediction = 2f * error / batch;
            for (int j = 0; j < _width; j++)
            {
                _gradient[j] += dPrediction * x[j];
                inputGradient[(b * _width) + j] = dPrediction * _parameters[j];
            }

            _gradient[_width] += dPrediction;
        }

        _optimizer.Step(_parameters, _gradient);
        return loss;
    }
}
