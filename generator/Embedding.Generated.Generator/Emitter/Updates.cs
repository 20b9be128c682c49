using Embedding.Generated.Generator.Helpers;
using Embedding.Generated.Generator.Model;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The lazy sparse training step: the runtime's optimizers do the arithmetic, compiled for this layer's constant
        /// OutputDim through its shape struct, and fused per row with the penalty and a row-wise constraint.
        /// </summary>
        private static void WriteUpdates(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            writer.WriteLine($$"""
                /// <summary>
                /// Applies one lazy sparse training step to the rows held in <paramref name="gradient"/> (from
                /// <c>Backward</c>): for each row, the penalty's gradient, the optimizer's update of the row and its slots,
                /// and a row-wise constraint (axis 1, or NonNeg), in one visit while the row is in cache. A constraint over
                /// axis 0 projects the whole table afterwards. Rows the gradient does not hold, and their slots, do not change.
                /// </summary>
                /// <param name="gradient">The rows' summed gradients; the penalty's gradient is added into it.</param>
                /// <param name="optimizer">The optimizer, with its slots for this table.</param>
                /// <param name="regularizer">The penalty on the weights (Keras's <c>embeddings_regularizer</c>), if any.</param>
                /// <param name="constraint">The projection after the update (Keras's <c>embeddings_constraint</c>), if any.</param>
                /// <exception cref="global::System.ArgumentException">The gradient belongs to another table shape.</exception>
                {{GeneratedCodeAttribute}}
                public void ApplySparseStep(
                    {{Runtime}}.SparseRowGradient gradient,
                    {{Runtime}}.Optimizers.Optimizer optimizer,
                    {{Runtime}}.Regularizers.IRegularizer? regularizer = null,
                    {{Runtime}}.Constraints.IConstraint? constraint = null)
                {
                    global::System.ArgumentNullException.ThrowIfNull(optimizer);
                    optimizer.StepRows<{{ShapeName(layer)}}>({{WeightsField}}.Span, gradient, regularizer, constraint, tableOwner: this);
                }

                """);
        }
    }
}
