using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The padding mask, only on MaskZero layers: <c>mask = id != 0</c>, as Keras's <c>compute_mask</c>. The vectors
        /// at masked positions are left as row 0 (Keras does not zero them either); later layers use the mask.
        /// </summary>
        private static void WriteMask(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            string typeName = layer.TypeName.TrimStart('@');
            if (!layer.MaskZero)
            {
                writer.WriteLine($$"""
                    // Keras returns no mask (None) without mask_zero; through the interface that is an explicit error.
                    {{GeneratedCodeAttribute}}
                    void {{Runtime}}.IEmbeddingLayer.ComputeMask(global::System.ReadOnlySpan<int> ids, global::System.Span<bool> mask) =>
                        throw new global::System.NotSupportedException("{{typeName}} was declared without MaskZero = true, so it has no padding mask.");

                    """);
                return;
            }

            string operations = Operations(layer);
            writer.WriteLine($$"""
                /// <summary>
                /// Computes the padding mask: <c>mask[i] = ids[i] != 0</c>, exactly as Keras's <c>compute_mask</c>.
                /// Pass it to every later layer that pools or attends over the sequence, so that padding is not read as data.
                /// </summary>
                /// <exception cref="global::System.ArgumentException"><paramref name="mask"/> does not have one element per id; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void ComputeMask(global::System.ReadOnlySpan<int> ids, global::System.Span<bool> mask) =>
                    {{operations}}.ComputeMask(ids, mask);

                /// <summary>
                /// Looks up the vector of every id and computes the padding mask in one call. The vectors at masked
                /// positions are row 0 of the table; the mask says which positions are padding.
                /// </summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A span has the wrong length; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Forward(global::System.ReadOnlySpan<int> ids, global::System.Span<float> output, global::System.Span<bool> mask) =>
                    {{operations}}.Forward({{TableArguments}}, ids, output, mask);

                /// <summary>
                /// Looks up the vector of every id of a <c>(batch, length)</c> array and computes its <c>(batch, length)</c>
                /// padding mask in one call.
                /// </summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A shape does not match, or the output would hold more than int.MaxValue floats; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Forward(int[,] ids, float[,,] output, bool[,] mask) =>
                    {{operations}}.Forward({{TableArguments}}, ids, output, mask);

                """);
        }
    }
}
