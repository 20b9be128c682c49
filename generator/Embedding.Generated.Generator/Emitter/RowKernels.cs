using Embedding.Generated.Generator.Helpers;
using Embedding.Generated.Generator.Model;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// Up to this many vectors per row the kernels are unrolled in full, as one run of the runtime's
        /// <c>RowVectors</c> (which takes at most <c>RowVectors.MaxVectors</c>, the same 16).
        /// </summary>
        private const int MaxUnrolledVectors = 16;

        /// <summary>Beyond <see cref="MaxUnrolledVectors"/>, a loop runs over blocks of this many vectors.</summary>
        private const int VectorsPerBlock = 8;

        /// <summary>Up to this many floats the scalar fallback is written out in full.</summary>
        private const int MaxUnrolledScalars = 8;

        private const string Vector128 = "global::System.Runtime.Intrinsics.Vector128";
        private const string Vector256 = "global::System.Runtime.Intrinsics.Vector256";

        /// <summary>A vector width the kernels use: its static class, floats per vector, name in comments and bits in <c>RowVectors</c>' method names.</summary>
        private readonly record struct Width(string Vector, int Floats, string Name, string Bits);

        private static readonly Width Wide = new(Vector256, 8, "Vector256<float>", "256");
        private static readonly Width Narrow = new(Vector128, 4, "Vector128<float>", "128");

        private const string RowVectors = CompilerServices + ".RowVectors";

        /// <summary>
        /// The layer's shape struct: its constants, the kernel plan (prefetch, stores past the caches, scatter blocks)
        /// and the row kernels, as the static members the runtime's <c>LayerOperations</c> is compiled for.
        /// <c>CopyRow</c> is a pure write (a last overlapping vector covers a tail); <c>AddRow</c> a read-modify-write
        /// (a tail is added once, with a narrower vector or scalars, never overlapped).
        /// </summary>
        private static void WriteShape(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            int outputDim = layer.OutputDim;
            string kernelsSummary = outputDim == 0
                ? "OutputDim is 0: every row is empty, so the row kernels do nothing."
                : $"""
                    The row kernels are unrolled for OutputDim = {Literal(outputDim)}, at a width chosen when the JIT compiles
                    /// them (IsHardwareAccelerated is a JIT-time constant, so the other branches vanish): 256-bit vectors where the
                    /// hardware has them (512-bit measured no faster for row copies on Zen 4), else 128-bit, else scalars.
                    """;
            writer.WriteLine($$"""
                /// <summary>
                /// The constants as a type, so that the runtime's checks and loops are compiled for them (folded, with these
                /// row kernels inlined). {{kernelsSummary}}
                /// </summary>
                {{GeneratedCodeAttribute}}
                private readonly struct {{ShapeName(layer)}} : {{CompilerServices}}.ILayerShape
                """);
            using (writer.Block())
            {
                KernelPlan plan = KernelPlan.For(layer);
                writer.WriteLine($$"""
                    public static int OutputDim => {{Literal(outputDim)}};

                    public static int Value => OutputDim;

                    public static int InputLength => {{Literal(layer.HasInputLength ? layer.InputLength : 0)}};

                    public static int PrefetchDistance => {{Literal(plan.PrefetchDistance)}};

                    public static bool WritesPastCaches => {{(plan.WritesPastCaches ? "true" : "false")}};

                    public static int ScatterBlockShift => {{Literal(plan.ScatterBlockShift)}};

                    """);
                writer.WriteLine("/// <summary>Copies one row: destination[0..OutputDim) = source[0..OutputDim).</summary>");
                writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                using (writer.Block("public static void CopyRow(ref float source, ref float destination)"))
                {
                    if (outputDim > 0)
                    {
                        WriteWidthLadder(writer, outputDim, WriteCopy, WriteScalarCopy);
                    }
                }

                writer.WriteLine();
                writer.WriteLine("/// <summary>Adds one row: destination[0..OutputDim) += source[0..OutputDim).</summary>");
                writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                using (writer.Block("public static void AddRow(ref float source, ref float destination)"))
                {
                    if (outputDim > 0)
                    {
                        WriteWidthLadder(writer, outputDim, WriteAdd, WriteScalarAdd);
                    }
                }
            }
        }

        /// <summary>Branches on the widest vector the row can use, down to scalars; omits widths wider than the row.</summary>
        private static void WriteWidthLadder(
            SourceWriter writer,
            int outputDim,
            System.Action<SourceWriter, Width, int> writeVectors,
            System.Action<SourceWriter, int> writeScalars)
        {
            if (outputDim < Narrow.Floats)
            {
                writer.WriteLine($"// {Literal(outputDim)} floats: narrower than any vector.");
                writeScalars(writer, outputDim);
                return;
            }

            string keyword = "if";
            foreach (Width width in new[] { Wide, Narrow })
            {
                if (outputDim < width.Floats)
                {
                    continue;
                }

                using (writer.Block($"{keyword} ({width.Vector}.IsHardwareAccelerated)"))
                {
                    writeVectors(writer, width, outputDim);
                }

                keyword = "else if";
            }

            using (writer.Block("else"))
            {
                writer.WriteLine("// No hardware vectors: plain float operations.");
                writeScalars(writer, outputDim);
            }
        }

        private static void WriteCopy(SourceWriter writer, Width width, int outputDim)
        {
            int vectors = outputDim / width.Floats;
            int tail = outputDim % width.Floats;
            writer.WriteLine($"// {Literal(outputDim)} floats = {DescribeVectors(width, vectors)}"
                + (tail == 0 ? ", no tail." : $", then the last {Literal(width.Floats)} floats again for the {Literal(tail)} left over (overlapping is safe for a pure copy)."));
            WriteVectorRun(writer, width, vectors, "Copy", moreFollows: tail != 0);
            if (tail != 0)
            {
                writer.WriteLine(RunLine(width, "Copy", Literal(outputDim - width.Floats), 1));
            }
        }

        private static void WriteAdd(SourceWriter writer, Width width, int outputDim)
        {
            int vectors = outputDim / width.Floats;
            int done = vectors * width.Floats;
            int tail = outputDim - done;
            writer.WriteLine($"// {Literal(outputDim)} floats = {DescribeVectors(width, vectors)}"
                + (tail == 0 ? ", no tail." : $", then {Literal(tail)} left over, added once each (an overlapping vector would add them twice)."));
            WriteVectorRun(writer, width, vectors, "Add", moreFollows: tail != 0);
            if (width.Floats > Narrow.Floats && tail >= Narrow.Floats)
            {
                writer.WriteLine(RunLine(Narrow, "Add", Literal(done), 1));
                done += Narrow.Floats;
            }

            for (; done < outputDim; done++)
            {
                writer.WriteLine(ScalarAddLine(Literal(done)));
            }
        }

        /// <summary>
        /// Writes the vectors as one unrolled run up to <see cref="MaxUnrolledVectors"/>; beyond that a loop over runs of
        /// <see cref="VectorsPerBlock"/> vectors keeps the code size bounded, then one run of the remaining vectors.
        /// </summary>
        private static void WriteVectorRun(SourceWriter writer, Width width, int vectors, string operation, bool moreFollows)
        {
            if (vectors <= MaxUnrolledVectors)
            {
                writer.WriteLine(RunLine(width, operation, "0", vectors));
                return;
            }

            int blockFloats = VectorsPerBlock * width.Floats;
            int blocks = vectors / VectorsPerBlock;
            long loopEnd = (long)blocks * blockFloats;
            using (writer.Block($"for (nuint offset = 0; offset < {Literal(loopEnd)}; offset += {Literal(blockFloats)})"))
            {
                writer.WriteLine(RunLine(width, operation, "offset", VectorsPerBlock));
            }

            int rest = vectors - (blocks * VectorsPerBlock);
            if (moreFollows || rest > 0)
            {
                writer.WriteLine();
            }

            if (rest > 0)
            {
                writer.WriteLine(RunLine(width, operation, Literal(loopEnd), rest));
            }
        }

        private static void WriteScalarCopy(SourceWriter writer, int outputDim)
        {
            if (outputDim <= MaxUnrolledScalars)
            {
                for (int j = 0; j < outputDim; j++)
                {
                    writer.WriteLine($"{Unsafe}.Add(ref destination, {Literal(j)}) = {Unsafe}.Add(ref source, {Literal(j)});");
                }

                return;
            }

            writer.WriteLine($"{MemoryMarshal}.CreateReadOnlySpan(ref source, OutputDim).CopyTo({MemoryMarshal}.CreateSpan(ref destination, OutputDim));");
        }

        private static void WriteScalarAdd(SourceWriter writer, int outputDim)
        {
            if (outputDim <= MaxUnrolledScalars)
            {
                for (int j = 0; j < outputDim; j++)
                {
                    writer.WriteLine(ScalarAddLine(Literal(j)));
                }

                return;
            }

            using (writer.Block("for (nint j = 0; j < OutputDim; j++)"))
            {
                writer.WriteLine(ScalarAddLine("j"));
            }
        }

        /// <summary>A run of <paramref name="vectors"/> vectors of <paramref name="operation"/> (Copy or Add) from <paramref name="offset"/>; inlined, it is as many loads and stores.</summary>
        private static string RunLine(Width width, string operation, string offset, int vectors) =>
            $"{RowVectors}.{operation}{width.Bits}(ref source, ref destination, {offset}, {Literal(vectors)});";

        private static string ScalarAddLine(string offset) =>
            $"{Unsafe}.Add(ref destination, {offset}) += {Unsafe}.Add(ref source, {offset});";

        private static string DescribeVectors(Width width, int vectors)
        {
            if (vectors <= MaxUnrolledVectors)
            {
                return $"{Literal(vectors)} x {width.Name}";
            }

            int blocks = vectors / VectorsPerBlock;
            int rest = vectors % VectorsPerBlock;
            return $"{Literal(vectors)} x {width.Name}: a loop of {Literal(blocks)} blocks of {Literal(VectorsPerBlock)}" + (rest == 0 ? string.Empty : $", then {Literal(rest)} more");
        }
    }
}
