using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The lookup: span, fixed-length sequence and 2-D array forms, each a call to the runtime's operations for this
        /// layer's shape, which check every argument and run the gather.
        /// </summary>
        private static void WriteForward(SourceWriter writer, EmbeddingLayerSpec layer, CompilationFacts facts)
        {
            string operations = Operations(layer);
            string idsShape = layer.HasInputLength ? "batch x InputLength" : "batch x length";

            writer.WriteLine($$"""
                /// <summary>
                /// Looks up the vector of every id: <c>output[i, :] = Weights[ids[i], :]</c>. Ids are {{idsShape}}
                /// flattened row-major; output is the same positions x OutputDim.
                /// </summary>
                /// <remarks>Every length and id is checked before anything is written: a call that throws leaves <paramref name="output"/> as it was.</remarks>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A span has the wrong length; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Forward(global::System.ReadOnlySpan<int> ids, global::System.Span<float> output) =>
                    {{operations}}.Forward({{TableArguments}}, ids, output);

                """);

            if (HasSequence(layer, facts))
            {
                writer.WriteLine($$"""
                    /// <summary>
                    /// Looks up the vector of every id of every sequence; output is sequences x InputLength x OutputDim.
                    /// A <see cref="Sequence"/> always holds exactly <see cref="InputLength"/> ids.
                    /// </summary>
                    /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                    /// <exception cref="global::System.ArgumentException"><paramref name="output"/> has the wrong length, or there are more than int.MaxValue ids; nothing was written.</exception>
                    {{GeneratedCodeAttribute}}
                    public void Forward(global::System.ReadOnlySpan<Sequence> sequences, global::System.Span<float> output) =>
                        {{operations}}.Forward({{TableArguments}}, sequences, output);

                    """);
            }

            string lengthException = layer.HasInputLength
                ? "The sequences do not have the layer's InputLength, or the output would hold more than int.MaxValue floats."
                : "The output would hold more than int.MaxValue floats.";
            writer.WriteLine($$"""
                /// <summary>
                /// Looks up the vector of every id of a <c>(batch, length)</c> array into a <c>(batch, length, OutputDim)</c> array.
                /// </summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A shape does not match, or the output would hold more than int.MaxValue floats; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Forward(int[,] ids, float[,,] output) =>
                    {{operations}}.Forward({{TableArguments}}, ids, output);

                /// <summary>
                /// Looks up the vector of every id of a <c>(batch, length)</c> array and returns them as a new
                /// <c>(batch, length, OutputDim)</c> array, as Keras's <c>predict</c> does.
                /// </summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim).</exception>
                /// <exception cref="global::System.ArgumentException">{{lengthException}}</exception>
                {{GeneratedCodeAttribute}}
                public float[,,] Forward(int[,] ids) =>
                    {{operations}}.Forward({{TableArguments}}, ids);

                """);
        }
    }
}
