using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The gradient with respect to the table: a dense scatter-add, and a sparse form that keeps each touched row once.
        /// </summary>
        private static void WriteBackward(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            string sequenceLength = SequenceLengthFor(layer);
            string wholeSequences = layer.HasInputLength
                ? $"\n    {Guard}.ValidateWholeSequences(ids.Length, InputLength, nameof(ids));"
                : string.Empty;

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
                public void Backward(global::System.ReadOnlySpan<int> ids, global::System.ReadOnlySpan<float> outputGradient, global::System.Span<float> weightGradient)
                {{{wholeSequences}}
                    {{Guard}}.ValidateVectorsLength(outputGradient.Length, ids.Length, OutputDim, nameof(outputGradient));
                    {{Guard}}.ValidateTableLength(weightGradient.Length, InputDim, OutputDim, nameof(weightGradient));
                    {{Guard}}.ValidateIds(ids, InputDim, {{sequenceLength}}, nameof(ids));
                """);
            writer.Indentation++;
            if (layer.OutputDim == 0)
            {
                writer.WriteLine("// OutputDim is 0: every gradient row is empty, so there is nothing to add.");
            }
            else
            {
                writer.WriteLine($$"""
                    int parts = {{Runtime}}.RowParallelism.ScatterParts(ids.Length, OutputDim);
                    if (parts > 1)
                    {
                        {{Runtime}}.RowParallelism.SplitScatter(ids, outputGradient, weightGradient, parts, _scatterOwnedRows ??= ScatterOwnedRows);
                        return;
                    }

                    """);
                WriteScatterLoop(writer, layer, partOfRow: null);
            }

            writer.Indentation--;
            writer.WriteLine("}");
            writer.WriteLine();
            if (layer.OutputDim > 0)
            {
                WriteSplitScatter(writer, layer);
            }

            writer.WriteLine($$"""
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
                public void Backward(global::System.ReadOnlySpan<int> ids, global::System.ReadOnlySpan<float> outputGradient, {{Runtime}}.SparseRowGradient weightGradient)
                {{{wholeSequences}}
                    {{Guard}}.ValidateVectorsLength(outputGradient.Length, ids.Length, OutputDim, nameof(outputGradient));
                    {{Guard}}.ValidateSparseGradient(weightGradient, InputDim, OutputDim, nameof(weightGradient));
                    {{Guard}}.ValidateIds(ids, InputDim, {{sequenceLength}}, nameof(ids));

                    // Slot per position; ~slot marks the first time this gradient sees a row, which is copied, not added.
                    global::System.ReadOnlySpan<int> slots = weightGradient.AssignSlots(ids);
                """);
            writer.Indentation++;
            if (layer.OutputDim == 0)
            {
                writer.WriteLine("// OutputDim is 0: the rows are recorded, but each is empty.");
            }
            else
            {
                writer.WriteLine($$"""
                    ref float source = ref {{MemoryMarshal}}.GetReference(outputGradient);
                    ref float rows = ref weightGradient.GetValuesReference();
                    for (int i = 0; i < slots.Length; i++)
                    {
                        int slot = slots[i];
                        ref float positionGradient = ref {{Unsafe}}.Add(ref source, (nint)i * OutputDim);
                        if (slot < 0)
                        {
                            {{RowKernelsName(layer)}}.CopyRow(ref positionGradient, ref {{Unsafe}}.Add(ref rows, (nint)(~slot) * OutputDim));
                        }
                        else
                        {
                            {{RowKernelsName(layer)}}.AddRow(ref positionGradient, ref {{Unsafe}}.Add(ref rows, (nint)slot * OutputDim));
                        }
                    }
                    """);
            }

            writer.Indentation--;
            writer.WriteLine("}");
            writer.WriteLine();
        }

        /// <summary>
        /// Rows owned by one part of a split dense scatter come in blocks of at least this many bytes, so that only the
        /// cache lines at block edges can have two writers.
        /// </summary>
        private const int ScatterBlockBytes = 1024;

        /// <summary>The part of a split dense scatter that adds the rows one thread owns.</summary>
        private static void WriteSplitScatter(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            int blockShift = 0;
            while (((long)layer.OutputDim * sizeof(float)) << blockShift < ScatterBlockBytes)
            {
                blockShift++;
            }

            writer.WriteLine($$"""
                // Cached so that a split pass does not allocate a delegate each time.
                {{GeneratedCodeAttribute}}
                private {{Runtime}}.RowParallelism.RowScatter? _scatterOwnedRows;

                // One part of a split dense scatter: every id is read, but only rows of this part's blocks of {{Literal(1L << blockShift)}} rows
                // are added. Blocks are dealt to the parts in turn, so frequent ids spread over them; each row is added to in
                // the order of the ids, exactly as on one thread.
                {{GeneratedCodeAttribute}}
                private void ScatterOwnedRows(global::System.ReadOnlySpan<int> ids, global::System.ReadOnlySpan<float> outputGradient, global::System.Span<float> weightGradient, int part, int partMask)
                """);
            using (writer.Block())
            {
                WriteScatterLoop(writer, layer, partOfRow: id => blockShift == 0 ? $"({id} & partMask)" : $"(({id} >> {Literal(blockShift)}) & partMask)");
            }

            writer.WriteLine();
        }

        /// <summary>The dense scatter-add over the ids, optionally only of the rows whose <paramref name="partOfRow"/> is <c>part</c>.</summary>
        private static void WriteScatterLoop(SourceWriter writer, EmbeddingLayerSpec layer, System.Func<string, string>? partOfRow)
        {
            writer.WriteLine($$"""
                ref float source = ref {{MemoryMarshal}}.GetReference(outputGradient);
                ref float table = ref {{MemoryMarshal}}.GetReference(weightGradient);
                """);
            WriteRowLoop(writer, layer, "table", $$"""
                {{RowKernelsName(layer)}}.AddRow(
                    ref {{Unsafe}}.Add(ref source, (nint)i * OutputDim),
                    ref {{Unsafe}}.Add(ref table, (nint)ids[i] * OutputDim));
                """, partOfRow);
        }
    }
}