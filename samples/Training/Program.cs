// The seed's `model.compile('rmsprop', 'mse')`, made real: a small model learns a synthetic task.
//
//   ids (batch, 12), 0 = padding
//     -> TokenEmbedding (MaskZero)          (batch, 12, 8)
//     -> mean over the real tokens (mask)   (batch, 8)
//     -> linear head                        (batch, 1)
//     -> mean squared error against the target
//
// Each token has a hidden score in [-1, 1]; a sequence's target is the mean score of its real tokens. The embedding
// must learn to carry each token's score, and the mask keeps padding out of the mean.
using System;
using Embedding.Generated;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Training;

const int Epochs = 15;
const int BatchSize = 32;
const int BatchesPerEpoch = 40;
const int Width = TokenEmbedding.OutputDim;
const int Length = TokenEmbedding.InputLength;

var data = new Random(2024);
var tokenScores = new float[TokenEmbedding.InputDim];
for (int token = 1; token < tokenScores.Length; token++)
{
    tokenScores[token] = (float)(data.NextDouble() * 2 - 1);
}

var embedding = new TokenEmbedding(seed: 1);
// 'rmsprop' with Keras 3's defaults, updating the table as Keras does (Dense). UpdateMode.LazySparse would touch only
// the rows of each batch, which is what a large vocabulary wants.
var trainer = new EmbeddingTrainer(embedding, new RmsProp(), UpdateMode.Dense);
var head = new DenseHead(Width, seed: 2);

var ids = new int[BatchSize * Length];
var mask = new bool[ids.Length];
var targets = new float[BatchSize];
var vectors = new float[ids.Length * Width];
var vectorGradient = new float[vectors.Length];
var pooled = new float[BatchSize * Width];
var pooledGradient = new float[pooled.Length];
var realTokens = new int[BatchSize];

double firstLoss = double.NaN, lastLoss = double.NaN;
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    double epochLoss = 0;
    for (int batch = 0; batch < BatchesPerEpoch; batch++)
    {
        MakeBatch(data, tokenScores, ids, targets);
        embedding.Forward(ids, vectors, mask);
        MaskedMean(vectors, mask, pooled, realTokens);
        epochLoss += head.TrainStep(pooled, targets, pooledGradient);
        MaskedMeanBackward(pooledGradient, mask, realTokens, vectorGradient);
        trainer.Step(ids, vectorGradient);
        ProgressBar.Draw(epoch, Epochs, batch + 1, BatchesPerEpoch, epochLoss / (batch + 1));
    }

    lastLoss = epochLoss / BatchesPerEpoch;
    if (epoch == 1)
    {
        firstLoss = lastLoss;
    }

    ProgressBar.Finish(epoch, Epochs, lastLoss);
}

Console.WriteLine(FormattableString.Invariant($"loss fell from {firstLoss:G4} to {lastLoss:G4} ({firstLoss / lastLoss:G3}x lower)"));
return lastLoss < firstLoss / 10 ? 0 : 1;

// A batch of sequences of 3 to 12 real tokens, padded with 0 at the end, and their mean scores.
static void MakeBatch(Random random, float[] tokenScores, int[] ids, float[] targets)
{
    Array.Clear(ids);
    for (int b = 0; b < targets.Length; b++)
    {
        int count = random.Next(3, Length + 1);
        float sum = 0;
        for (int t = 0; t < count; t++)
        {
            int token = random.Next(1, TokenEmbedding.InputDim);
            ids[(b * Length) + t] = token;
            sum += tokenScores[token];
        }

        targets[b] = sum / count;
    }
}

// pooled[b] = mean of vectors[b, t] over the positions the mask keeps.
static void MaskedMean(float[] vectors, bool[] mask, float[] pooled, int[] realTokens)
{
    Array.Clear(pooled);
    for (int b = 0; b < realTokens.Length; b++)
    {
        int count = 0;
        for (int t = 0; t < Length; t++)
        {
            if (!mask[(b * Length) + t])
            {
                continue;
            }

            count++;
            for (int j = 0; j < Width; j++)
            {
                pooled[(b * Width) + j] += vectors[(((b * Length) + t) * Width) + j];
            }
        }

        realTokens[b] = count;
        for (int j = 0; j < Width; j++)
        {
            pooled[(b * Width) + j] /= Math.Max(count, 1);
        }
    }
}

// The mean's gradient goes to each real position in equal shares; padding gets none.
static void MaskedMeanBackward(float[] pooledGradient, bool[] mask, int[] realTokens, float[] vectorGradient)
{
    for (int b = 0; b < realTokens.Length; b++)
    {
        for (int t = 0; t < Length; t++)
        {
            float share = mask[(b * Length) + t] ? 1f / Math.Max(realTokens[b], 1) : 0f;
            for (int j = 0; j < Width; j++)
            {
                vectorGradient[(((b * Length) + t) * Width) + j] = share * pooledGradient[(b * Width) + j];
            }
        }
    }
}

/// <summary>Token ids 1 to 99, 0 for padding; vectors of 8; sequences padded to 12.</summary>
[EmbeddingLayer(InputDim = 100, OutputDim = 8, InputLength = 12, MaskZero = true)]
public partial class TokenEmbedding;
