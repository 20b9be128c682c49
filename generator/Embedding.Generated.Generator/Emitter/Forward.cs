using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>The lookup: span, fixed-length sequence and 2-D array forms, all ending in one gather loop.</summary>
        private static void WriteForward(SourceWriter writer, EmbeddingLayerSpec layer, CompilationFacts facts)
        {
            string sequenceLength = SequenceLengthFor(layer);
            string wholeSequences = layer.HasInputLength
                ? $"\n    {Guard}.ValidateWholeSequences(ids.Length, InputLength, nameof(ids));"
                : string.Empty;
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
                public void Forward(global::System.ReadOnlySpan<int> ids, global::System.Span<float> output)
                {{{wholeSequences}}
                    {{Guard}}.ValidateVectorsLength(output.Length, ids.Length, OutputDim, nameof(output));
                    {{Guard}}.ValidateIds(ids, InputDim, {{sequenceLength}}, nameof(ids));
                    GatherRows(ids, output);
                }

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
                    public void Forward(global::System.ReadOnlySpan<Sequence> sequences, global::System.Span<float> output)
                    {
                        global::System.ReadOnlySpan<int> ids = {{Guard}}.SequenceIds(sequences, InputLength, nameof(sequences));
                        {{Guard}}.ValidateVectorsLength(output.Length, ids.Length, OutputDim, nameof(output));
                        {{Guard}}.ValidateIds(ids, InputDim, sequenceLength: InputLength, nameof(sequences));
                        GatherRows(ids, output);
                    }

                    """);
            }

            string lengthException = layer.HasInputLength
                ? "The sequences do not have the layer's InputLength, or the output would hold more than int.MaxValue floats."
                : "The output would hold more than int.MaxValue floats.";
            string sequenceCheck = layer.HasInputLength
                ? $"\n    {Guard}.ValidateSequenceLength(ids.GetLength(1), InputLength, nameof(ids));"
                : string.Empty;
            writer.WriteLine($$"""
                /// <summary>
                /// Looks up the vector of every id of a <c>(batch, length)</c> array into a <c>(batch, length, OutputDim)</c> array.
                /// </summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); nothing was written.</exception>
                /// <exception cref="global::System.ArgumentException">A shape does not match, or the output would hold more than int.MaxValue floats; nothing was written.</exception>
                {{GeneratedCodeAttribute}}
                public void Forward(int[,] ids, float[,,] output)
                {
                    {{Guard}}.ValidateIdArray(ids, OutputDim, nameof(ids));{{sequenceCheck}}
                    {{Guard}}.ValidateOutputShape(output, ids.GetLength(0), ids.GetLength(1), OutputDim, nameof(output));
                    global::System.ReadOnlySpan<int> flatIds = {{Runtime}}.FlatSpan.Of(ids);
                    {{Guard}}.ValidateIds(flatIds, InputDim, sequenceLength: ids.GetLength(1), nameof(ids));
                    GatherRows(flatIds, {{Runtime}}.FlatSpan.Of(output));
                }

                /// <summary>
                /// Looks up the vector of every id of a <c>(batch, length)</c> array and returns them as a new
                /// <c>(batch, length, OutputDim)</c> array, as Keras's <c>predict</c> does.
                /// </summary>
                /// <exception cref="{{Runtime}}.EmbeddingIdOutOfRangeException">An id is outside [0, InputDim).</exception>
                /// <exception cref="global::System.ArgumentException">{{lengthException}}</exception>
                {{GeneratedCodeAttribute}}
                public float[,,] Forward(int[,] ids)
                {
                    // Checked before the output is allocated, so bad ids, or an output too large for a span, cost no allocation.
                    {{Guard}}.ValidateIdArray(ids, OutputDim, nameof(ids));{{sequenceCheck}}
                    global::System.ReadOnlySpan<int> flatIds = {{Runtime}}.FlatSpan.Of(ids);
                    {{Guard}}.ValidateIds(flatIds, InputDim, sequenceLength: ids.GetLength(1), nameof(ids));
                    var output = new float[ids.GetLength(0), ids.GetLength(1), OutputDim];
                    GatherRows(flatIds, {{Runtime}}.FlatSpan.Of(output));
                    return output;
                }

                """);

            if (layer.OutputDim == 0)
            {
                writer.WriteLine($$"""
                    // OutputDim is 0: every vector is empty, so there is nothing to copy.
                    {{GeneratedCodeAttribute}}
                    private void GatherRows(global::System.ReadOnlySpan<int> ids, global::System.Span<float> output)
                    {
                    }

                    """);
                return;
            }

            writer.WriteLine($$"""
                // The gather, for ids already checked. A large batch is split across cores by contiguous ranges of ids;
                // each range writes only its own output rows, so the result does not depend on the split.
                {{GeneratedCodeAttribute}}
                private void GatherRows(global::System.ReadOnlySpan<int> ids, global::System.Span<float> output)
                {
                    if ({{Runtime}}.RowParallelism.ShouldSplit(ids.Length, OutputDim))
                    {
                        {{Runtime}}.RowParallelism.Split(ids, output, OutputDim, _gatherRange ??= GatherRowRange);
                        return;
                    }

                    GatherRowRange(ids, output);
                }

                // Cached so that a split pass does not allocate a delegate each time.
                {{GeneratedCodeAttribute}}
                private {{Runtime}}.RowParallelism.RowRange? _gatherRange;

                // One unrolled row copy per id, no per-row checks or calls.
                {{GeneratedCodeAttribute}}
                private void GatherRowRange(global::System.ReadOnlySpan<int> ids, global::System.Span<float> output)
                """);
            using (writer.Block())
            {
                writer.WriteLine($$"""
                    ref float table = ref {{WeightsField}}.First;
                    ref float destination = ref {{MemoryMarshal}}.GetReference(output);
                    """);
                string copy = $$"""
                    {{RowKernelsName(layer)}}.CopyRow(
                        ref {{Unsafe}}.Add(ref table, (nint)ids[i] * OutputDim),
                        ref {{Unsafe}}.Add(ref destination, (nint)i * OutputDim));
                    """;
                if (!WritesPastCaches(layer))
                {
                    WriteRowLoop(writer, layer, "table", copy);
                }
                else
                {
                    writer.WriteLine("// A large output does not stay in the caches either: write it past them (one branch per row, always the same way).");
                    writer.WriteLine($"bool pastCaches = {Runtime}.RowStores.WritePastCaches(output.Length);");
                    WriteRowLoop(writer, layer, "table", $$"""
                        if (pastCaches)
                        {
                            {{Runtime}}.RowStores.CopyRowPastCaches(
                                ref {{Unsafe}}.Add(ref table, (nint)ids[i] * OutputDim),
                                ref {{Unsafe}}.Add(ref destination, (nint)i * OutputDim),
                                OutputDim);
                        }
                        else
                        {
                            {{copy.Replace("\n", "\n    ")}}
                        }
                        """);
                    writer.WriteLine();
                    using (writer.Block("if (pastCaches)"))
                    {
                        writer.WriteLine($"{Runtime}.RowStores.FinishPastCaches();");
                    }
                }
            }

            writer.WriteLine();
        }
    }
}
