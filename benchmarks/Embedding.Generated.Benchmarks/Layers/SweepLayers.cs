using Embedding.Generated;

namespace Embedding.Generated.Benchmarks.Layers;

// The OutputDim sweep: S1's vocabulary and sequence length, with widths that exercise every shape the emitter has
// (a scalar-only row, an overlapping last vector with a scalar tail, whole vectors, a tail of 4, loops over blocks).

/// <summary>Sweep layer: 3 floats per row, narrower than any vector.</summary>
[EmbeddingLayer(InputDim = 1_000, OutputDim = 3, InputLength = 10)]
public sealed partial class Sweep3Embedding;

/// <summary>Sweep layer: 17 floats per row, one vector and a tail.</summary>
[EmbeddingLayer(InputDim = 1_000, OutputDim = 17, InputLength = 10)]
public sealed partial class Sweep17Embedding;

/// <summary>Sweep layer: 64 floats per row, whole vectors (the seed's width).</summary>
[EmbeddingLayer(InputDim = 1_000, OutputDim = 64, InputLength = 10)]
public sealed partial class Sweep64Embedding;

/// <summary>Sweep layer: 100 floats per row, whole vectors and a tail of 4.</summary>
[EmbeddingLayer(InputDim = 1_000, OutputDim = 100, InputLength = 10)]
public sealed partial class Sweep100Embedding;

/// <summary>Sweep layer: 300 floats per row (GloVe's width), a loop over vector blocks.</summary>
[EmbeddingLayer(InputDim = 1_000, OutputDim = 300, InputLength = 10)]
public sealed partial class Sweep300Embedding;
