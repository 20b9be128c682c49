using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The gradient with respect to the table: a dense scatter-add, and a sparse form that keeps each touched row once,
        /// each a call to the runtime's operations for this layer's shape.
        /// </summary>
        private static void WriteBackward(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            string operations = Operations(layer);
            writer.WriteLine($$"""
                /// <summary>
                /// Adds the gradient with respect to the weights into a dense table:
                /// <c>weightGradient[ids[i], :] += outputGradient[i, :]</c>. Repeated ids accumulate; rows no id uses are left as they were.
                /// </summary>
                /// <param name="ids">The ids of the forward pass.</param>
                /// <param name="outputGradient">The gradient of the loss with respect to the forward output, ids x OutputDim.</param>
                /// <param name="weightGradient">A row-major InputDim x OutputDim gradient to add to (see <see cref="CreateDenseGradient"/>).</param>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A span has the wrong length; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Backward(global::System.ReadOnlySpan<int> ids, global::System.ReadOnlySpan<float> outputGradient, global::System.Span<float> weightGradient) =>
                    {{operations}}.Backward(InputDim, ids, outputGradient, weightGradient);

                /// <summary>
                /// Adds the gradient with respect to the weights into a sparse set of rows: each row the ids touch is held
                /// once in <paramref name="weightGradient"/>, with the sum over every position that looked it up. Costs what
                /// the ids touch, not the table size. Rows already held are added to; call <c>Clear</c> to start a new step.
                /// </summary>
                /// <param name="ids">The ids of the forward pass.</param>
                /// <param name="outputGradient">The gradient of the loss with respect to the forward output, ids x OutputDim.</param>
                /// <param name="weightGradient">The rows to add to, made for this layer's shape (see <see cref="CreateSparseGradient"/>).</param>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A length does not match, or the gradient belongs to another table shape; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Backward(global::System.ReadOnlySpan<int> ids, global::System.ReadOnlySpan<float> outputGradient, {{Runtime}}.SparseRowGradient weightGradient) =>
                    {{operations}}.Backward(InputDim, ids, outputGradient, weightGradient);

                """);
        }
    }
}