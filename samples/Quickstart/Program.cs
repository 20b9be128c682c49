// The seed's Keras example, made real:
//
//   model = Sequential()
//   model.add(Embedding(1000, 64, input_length=10))
//   input_array = np.random.randint(1000, size=(32, 10))
//   output_array = model.predict(input_array)
//   assert output_array.shape == (32, 10, 64)
using System;
using System.Globalization;
using Embedding.Generated;

const int BatchSize = 32;

// Keras's default initializer, RandomUniform(-0.05, 0.05), seeded so every run prints the same numbers.
var layer = new WordEmbedding(seed: 42);

var random = new Random(7);
var ids = new int[BatchSize, WordEmbedding.InputLength];
for (int b = 0; b < BatchSize; b++)
{
    for (int t = 0; t < WordEmbedding.InputLength; t++)
    {
        ids[b, t] = random.Next(WordEmbedding.InputDim);
    }
}

float[,,] output = layer.Forward(ids);

var shape = (output.GetLength(0), output.GetLength(1), output.GetLength(2));
Console.WriteLine($"WordEmbedding: InputDim = {WordEmbedding.InputDim}, OutputDim = {WordEmbedding.OutputDim}, InputLength = {WordEmbedding.InputLength}");
Console.WriteLine($"input shape:  ({BatchSize}, {WordEmbedding.InputLength})");
Console.WriteLine($"output shape: {shape}");
Console.WriteLine($"ids[0, 0..3] = {ids[0, 0]}, {ids[0, 1]}, {ids[0, 2]}");
Console.WriteLine($"output[0, 0, 0..4] = {Format(output[0, 0, 0])}, {Format(output[0, 0, 1])}, {Format(output[0, 0, 2])}, {Format(output[0, 0, 3])}");
Console.WriteLine($"row {ids[0, 0]}[0..4]     = {Format(layer.GetRow(ids[0, 0])[0])}, {Format(layer.GetRow(ids[0, 0])[1])}, {Format(layer.GetRow(ids[0, 0])[2])}, {Format(layer.GetRow(ids[0, 0])[3])}");

if (shape != (32, 10, 64))
{
    Console.Error.WriteLine($"expected output shape (32, 10, 64), got {shape}");
    return 1;
}

return 0;

static string Format(float value) => value.ToString("F6", CultureInfo.InvariantCulture);

/// <summary>The seed's layer: a vocabulary of 1000, vectors of 64, sequences of 10.</summary>
[EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
public partial class WordEmbedding;
