namespace Embedding.Generated.Runtime.Tests.Infrastructure;

// The layers under test, generated at build time by the real generator. Each OutputDim is one the row kernels treat
// differently: narrower than any vector (1, 2, 3), a vector with an overlapping or scalar tail (7, 15, 17, 31, 33,
// 63, 65), exact vectors (8, 16, 32, 64, 128), a loop over blocks of vectors (300, 1000) and no vector at all (0).
// A small InputDim keeps them cheap; InputLength and MaskZero vary so that every generated form is built.

#pragma warning disable EMB010 // OutputDim = 0 is deliberate: Keras allows empty vectors and the layer must handle them.
[EmbeddingLayer(InputDim = 50, OutputDim = 0, InputLength = 4)]
public partial class Dim0Layer;
#pragma warning restore EMB010

[EmbeddingLayer(InputDim = 50, OutputDim = 1)]
public partial class Dim1Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 2, MaskZero = true)]
public partial class Dim2Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 3, InputLength = 3)]
public partial class Dim3Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 7)]
public partial class Dim7Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 8, InputLength = 5, MaskZero = true)]
public partial class Dim8Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 15)]
public partial class Dim15Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 16, InputLength = 16)]
public partial class Dim16Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 17, MaskZero = true)]
public partial class Dim17Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 31)]
public partial class Dim31Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 32, InputLength = 2)]
public partial class Dim32Layer;

// InputLength 17 is past the longest Sequence constructor (16 ids): only Sequence.From builds one.
[EmbeddingLayer(InputDim = 50, OutputDim = 33, InputLength = 17)]
public partial class Dim33Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 63, InputLength = 7, MaskZero = true)]
public partial class Dim63Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 64)]
public partial class Dim64Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 65, MaskZero = true)]
public partial class Dim65Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 100, InputLength = 1)]
public partial class Dim100Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 128)]
public partial class Dim128Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 300, InputLength = 3, MaskZero = true)]
public partial class Dim300Layer;

[EmbeddingLayer(InputDim = 50, OutputDim = 1000)]
public partial class Dim1000Layer;

// A vocabulary of one: 0 is both the smallest and the largest id.
[EmbeddingLayer(InputDim = 1, OutputDim = 9)]
public partial class SingleIdLayer;

/// <summary>The seed's layer, <c>Embedding(1000, 64, input_length=10)</c>.</summary>
[EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
public partial class WordLayer;

/// <summary>A million weights, for the statistics of the default initializer.</summary>
[EmbeddingLayer(InputDim = 2000, OutputDim = 500)]
public partial class LargeLayer;

/// <summary>A table over 4 MiB (5.2 MB), so the generated loops prefetch rows ahead; OutputDim 65 keeps a tail.</summary>
[EmbeddingLayer(InputDim = 20000, OutputDim = 65, InputLength = 20)]
public partial class PrefetchingLayer;

/// <summary>
/// A table over 4 MiB with rows of whole 32-byte vectors (OutputDim 64), so a large output may be written past the caches.
/// </summary>
[EmbeddingLayer(InputDim = 20000, OutputDim = 64)]
public partial class PastCachesLayer;

/// <summary>A table of 16 MB or more (17.9 MB), which starts on a 2 MB boundary and asks Linux for 2 MB pages.</summary>
[EmbeddingLayer(InputDim = 70000, OutputDim = 64)]
public partial class HugePageLayer;
