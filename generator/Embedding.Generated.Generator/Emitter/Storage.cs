using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>The weight table, its constructors and row access.</summary>
        private static void WriteStorage(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            string type = layer.TypeName;
            string standInCheck = layer.IsStandIn
                ? $"\n    {Guard}.ThrowInvalidDeclaration(\"{type.TrimStart('@')}\", \"{layer.DeclarationErrors}\");"
                : string.Empty;
            writer.WriteLine($$"""
                // One contiguous row-major table, as Keras and PyTorch keep it: row id starts at id * OutputDim. It starts
                // on a cache-line boundary, so a row spans no more lines than its bytes need.
                {{GeneratedCodeAttribute}}
                private readonly {{Runtime}}.AlignedTable {{WeightsField}};

                /// <summary>
                /// Creates the layer with Keras's default initializer, <c>RandomUniform(-0.05, 0.05)</c>, from an
                /// unpredictable seed. Use <see cref="{{type}}(int)"/> for weights that are the same on every run.
                /// </summary>
                {{GeneratedCodeAttribute}}
                public {{type}}()
                    : this({{Runtime}}.Initializers.RandomUniform.KerasDefault, global::System.Random.Shared.Next())
                {
                }

                /// <summary>
                /// Creates the layer with Keras's default initializer, <c>RandomUniform(-0.05, 0.05)</c>. The same
                /// <paramref name="seed"/> gives the same weights on every machine.
                /// </summary>
                {{GeneratedCodeAttribute}}
                public {{type}}(int seed)
                    : this({{Runtime}}.Initializers.RandomUniform.KerasDefault, seed)
                {
                }

                /// <summary>Creates the layer and fills its table with <paramref name="initializer"/>.</summary>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="initializer"/> is null.</exception>
                {{GeneratedCodeAttribute}}
                public {{type}}({{Runtime}}.Initializers.IEmbeddingInitializer initializer, int seed)
                {{{standInCheck}}
                    global::System.ArgumentNullException.ThrowIfNull(initializer);
                    {{WeightsField}} = {{Runtime}}.AlignedTable.Allocate(WeightCount);
                    initializer.Initialize({{WeightsField}}.Span, InputDim, OutputDim, seed);
                }

                /// <summary>Creates the layer with a copy of <paramref name="weights"/>, row-major InputDim x OutputDim.</summary>
                /// <exception cref="global::System.ArgumentException"><paramref name="weights"/> does not hold exactly <see cref="WeightCount"/> floats.</exception>
                {{GeneratedCodeAttribute}}
                public {{type}}(global::System.ReadOnlySpan<float> weights)
                {{{standInCheck}}
                    {{Guard}}.ValidateTableLength(weights.Length, InputDim, OutputDim, nameof(weights));
                    {{WeightsField}} = {{Runtime}}.AlignedTable.CopyOf(weights);
                }

                /// <summary>The weight table, row-major <see cref="InputDim"/> x <see cref="OutputDim"/>. Writes change the layer.</summary>
                {{GeneratedCodeAttribute}}
                public global::System.Span<float> Weights => {{WeightsField}}.Span;

                /// <summary>The vector of <paramref name="id"/>: row <paramref name="id"/> of <see cref="Weights"/>.</summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException"><paramref name="id"/> is outside [0, InputDim).</exception>
                {{GeneratedCodeAttribute}}
                public global::System.Span<float> GetRow(int id)
                {
                    {{Guard}}.ValidateId(id, InputDim, nameof(id));
                    return {{WeightsField}}.Span.Slice(id * OutputDim, OutputDim);
                }

                /// <summary>Creates an empty sparse gradient for this layer's table, to pass to <c>Backward</c>.</summary>
                {{GeneratedCodeAttribute}}
                public {{Runtime}}.SparseRowGradient CreateSparseGradient() => new(InputDim, OutputDim);

                /// <summary>
                /// Creates a dense gradient of zeros for this layer's table (row-major <see cref="InputDim"/> x
                /// <see cref="OutputDim"/>), to pass to <c>Backward</c> as its <c>Span</c>. It starts on a 64-byte cache-line
                /// boundary, as the table does, so each row spans as few cache lines as it can; any span of
                /// <see cref="WeightCount"/> floats works, but one from <c>new float[]</c> is slower to add rows into.
                /// </summary>
                {{GeneratedCodeAttribute}}
                public global::System.Memory<float> CreateDenseGradient() => {{Runtime}}.AlignedTable.Allocate(WeightCount).Memory;

                """);
        }
    }
}
