using System;

namespace Embedding.Generated;

/// <summary>
/// Marks a <see langword="partial"/> class as a Keras-style embedding layer. At build time the
/// Embedding.Generated source generator adds a lookup table of <see cref="InputDim"/> x <see cref="OutputDim"/>
/// <see langword="float"/> weights and forward, mask and backward passes specialised for these constants.
/// </summary>
/// <remarks>
/// The arguments mirror <c>keras.layers.Embedding(input_dim, output_dim, mask_zero, input_length)</c>.
/// They must be compile-time constants; invalid values are reported by the analyzer (the EMBxxx diagnostics,
/// docs/diagnostics/), and the generator then writes a stand-in whose constructors throw, so that the build log shows
/// only those diagnostics.
/// </remarks>
/// <example>
/// <code>
/// [EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
/// public partial class WordEmbedding;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EmbeddingLayerAttribute : Attribute
{
    /// <summary>Size of the vocabulary: the largest id plus one. Must be greater than 0.</summary>
    public int InputDim { get; set; }

    /// <summary>Length of each embedding vector. Must be 0 or more (0 gives empty vectors, as in Keras).</summary>
    public int OutputDim { get; set; }

    /// <summary>
    /// Fixed length of every input sequence, when it is fixed. Leave it unset for sequences of any length.
    /// When set, it must be greater than 0 and the layer gets a fixed-length <c>Sequence</c> type.
    /// </summary>
    public int InputLength { get; set; }

    /// <summary>
    /// Whether id 0 is padding. The layer then computes a mask (<c>id != 0</c>) for later layers; the vector at a
    /// masked position is still row 0 of the table, exactly as in Keras. Id 0 cannot be a real token, so
    /// <see cref="InputDim"/> must be the vocabulary size + 1.
    /// </summary>
    public bool MaskZero { get; set; }
}
