using Embedding.Generated;

namespace Embedding.Generated.Benchmarks.Layers;

/// <summary>S1, the seed's layer: <c>Embedding(1000, 64, input_length=10)</c>; batches of 32 sequences.</summary>
[EmbeddingLayer(InputDim = 1_000, OutputDim = 64, InputLength = 10)]
public sealed partial class S1Embedding;

/// <summary>S2, a mid-sized vocabulary: 50,000 x 128 (25.6 MB, near this machine's 32 MB L3); batches of 256 x 50.</summary>
[EmbeddingLayer(InputDim = 50_000, OutputDim = 128, InputLength = 50)]
public sealed partial class S2Embedding;

/// <summary>S3, a large vocabulary: 1,000,000 x 64 (256 MB, far beyond any cache); batches of 4096 x 20.</summary>
[EmbeddingLayer(InputDim = 1_000_000, OutputDim = 64, InputLength = 20)]
public sealed partial class S3Embedding;
