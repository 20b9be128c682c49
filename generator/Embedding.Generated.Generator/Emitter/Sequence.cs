using System.Linq;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Helpers;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    internal static partial class Emitter
    {
        /// <summary>Up to this InputLength a Sequence also gets a constructor with one parameter per id.</summary>
        private const int MaxSequenceConstructorParameters = 16;

        /// <summary>
        /// A fixed-length sequence of ids: an <c>[InlineArray(InputLength)]</c> struct. Its length is part of its type,
        /// so a sequence of another length cannot be passed, and a constant index past its end does not compile.
        /// </summary>
        private static void WriteSequenceType(SourceWriter writer, EmbeddingLayerSpec layer)
        {
            writer.WriteLine($$"""
                /// <summary>
                /// A sequence of exactly <see cref="InputLength"/> ids, stored inline. Index it like an array; a constant
                /// index outside [0, InputLength) is a compile-time error.
                /// </summary>
                {{GeneratedCodeAttribute}}
                [global::System.Runtime.CompilerServices.InlineArray(InputLength)]
                public struct Sequence
                """);
            using (writer.Block())
            {
                writer.WriteLine("""
                    private int _id0;

                    """);
                if (layer.InputLength <= MaxSequenceConstructorParameters)
                {
                    string parameters = string.Join(", ", Enumerable.Range(0, layer.InputLength).Select(i => $"int id{i}"));
                    writer.WriteLine($$"""
                        /// <summary>Creates a sequence from exactly <see cref="InputLength"/> ids: another count does not compile.</summary>
                        public Sequence({{parameters}})
                        """);
                    using (writer.Block())
                    {
                        for (int i = 0; i < layer.InputLength; i++)
                        {
                            writer.WriteLine($"this[{Literal(i)}] = id{Literal(i)};");
                        }
                    }

                    writer.WriteLine();
                }

                writer.WriteLine($$"""
                    /// <summary>Copies exactly <see cref="InputLength"/> ids into a new sequence.</summary>
                    /// <exception cref="global::System.ArgumentException"><paramref name="ids"/> does not hold exactly InputLength ids.</exception>
                    public static Sequence From(global::System.ReadOnlySpan<int> ids)
                    {
                        {{Guard}}.ValidateSequenceLength(ids.Length, InputLength, nameof(ids));
                        Sequence sequence = default;
                        ids.CopyTo(sequence);
                        return sequence;
                    }
                    """);
            }

            writer.WriteLine();
        }
    }
}
