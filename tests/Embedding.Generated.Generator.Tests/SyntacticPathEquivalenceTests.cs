using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Generator.Syntactic;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// The syntactic path must change nothing but speed: for every program here, which mixes what syntax can decide with
/// what it cannot (aliases, other parts of a class in other files, names that could mean another type), the generator
/// emits exactly the files, and throws exactly when, the <see cref="ReferenceGenerator"/> (the semantic path alone) does.
/// </summary>
public sealed class SyntacticPathEquivalenceTests
{
    private const string Plain = """
        using Embedding.Generated;

        namespace Samples;

        [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
        public partial class PlainLayer;
        """;

    /// <summary>Each case is a program of one or more files; those of <see cref="WithEachDescribedPropertySet"/> come last.</summary>
    private static readonly Dictionary<string, string[]> Programs = WithEachDescribedPropertySet(new()
    {
        ["plain"] = [Plain],
        ["full attribute name, every argument"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [EmbeddingLayerAttribute(InputDim = 1_000, OutputDim = 0x10, InputLength = 3, MaskZero = true)]
            public partial class FullNameLayer;
            """],
        ["type target"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [type: EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TypeTargetLayer;
            """],
        ["keyword names"] = ["""
            using Embedding.Generated;
            namespace @class.@int
            {
                public partial record struct @struct
                {
                    [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                    public partial class @event;
                }
            }
            """],
        ["global namespace"] = ["""
            using Embedding.Generated;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class GlobalLayer;
            """],
        ["no import"] = ["""
            namespace Samples;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class UnimportedLayer;
            """],
        ["inside the attribute's namespace"] = ["""
            namespace Embedding.Generated.Custom
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class InsideLayer;
            }
            """],
        ["global using in another file"] = [
            "global using Embedding.Generated;",
            """
            namespace Samples;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class GloballyImportedLayer;
            """],
        ["using inside the namespace"] = ["""
            namespace Samples
            {
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class ScopedImportLayer;
            }
            """],
        ["local alias"] = ["""
            using Layer = Embedding.Generated.EmbeddingLayerAttribute;
            using Embedding.Generated;
            namespace Samples;
            [Layer(InputDim = 10, OutputDim = 4)]
            public partial class AliasedLayer;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class PlainInAliasFileLayer;
            """],
        ["global alias in another file"] = [
            "global using Layer = Embedding.Generated.EmbeddingLayerAttribute;",
            """
            namespace Samples;
            [Layer(InputDim = 10, OutputDim = 4)]
            public partial class GloballyAliasedLayer;
            """,
            Plain],
        ["an unrelated global alias"] = [
            "global using Json = System.Text.Json.JsonSerializer;\nglobal using Obsolete = System.ObsoleteAttribute;",
            Plain.Replace("[EmbeddingLayer(", "[Obsolete, EmbeddingLayer(")],
        ["a global alias of the attribute used beside the plain name"] = [
            "global using Layer = global::Embedding.Generated.EmbeddingLayerAttribute;",
            Plain.Replace("[EmbeddingLayer(", "[Layer, EmbeddingLayer(")],
        ["a global alias named Embedding"] = ["global using Embedding = System;", Plain],
        ["alias named like the attribute"] = [
            "global using EmbeddingLayer = System.ObsoleteAttribute;",
            Plain],
        ["qualified names"] = ["""
            namespace Samples;
            [Embedding.Generated.EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class QualifiedLayer;
            [global::Embedding.Generated.EmbeddingLayerAttribute(InputDim = 20, OutputDim = 4)]
            public partial class GlobalQualifiedLayer;
            """, Plain],
        ["verbatim names"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [@EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class VerbatimShortLayer;
            [@EmbeddingLayerAttribute(InputDim = 10, OutputDim = 4)]
            public partial class VerbatimFullLayer;
            """],
        ["a source type named EmbeddingLayer elsewhere"] = ["namespace Elsewhere { public class EmbeddingLayer { } }", Plain],
        ["a source type named Embedding in a namespace"] = ["namespace Elsewhere { public class Embedding { } }", Plain],
        ["a source type named Embedding at the top level"] = ["public class Embedding { }", Plain],
        ["a source type Embedding.Generated"] = ["namespace Embedding { public class Generated { } }", Plain],
        ["a nested type named EmbeddingLayerAttribute in a base class"] = ["""
            using Embedding.Generated;
            namespace Samples;
            public class Base
            {
                public sealed class EmbeddingLayerAttribute : System.Attribute { public int InputDim { get; set; } public int OutputDim { get; set; } }
            }
            public partial class Outer : Base
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class ShadowedLayer;
            }
            """, Plain],
        ["the attribute declared again in source"] = ["""
            namespace Embedding.Generated
            {
                public sealed class EmbeddingLayerAttribute : System.Attribute
                {
                    public int InputDim { get; set; }
                    public int OutputDim { get; set; }
                }
            }
            """, Plain],
        ["non-literal arguments"] = ["""
            using Embedding.Generated;
            namespace Samples;
            public static class Sizes { public const int Vocabulary = 10; }
            [EmbeddingLayer(InputDim = Sizes.Vocabulary, OutputDim = 2 * 2)]
            public partial class ConstantLayer;
            [EmbeddingLayer(InputDim = 10L, OutputDim = 4)]
            public partial class LongLayer;
            [EmbeddingLayer(InputDim = 'a', OutputDim = 4)]
            public partial class CharLayer;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputDim = 20)]
            public partial class RepeatedLayer;
            [EmbeddingLayer(InputDim = -0, OutputDim = -4)]
            public partial class NegativeLayer;
            [EmbeddingLayer(InputDim = 3000000000, OutputDim = 4)]
            public partial class UIntLayer;
            """, Plain],
        ["a non-partial part in another file"] = [Plain, "namespace Samples { public class PlainLayer { } }"],
        ["a static part in another file"] = [Plain, "namespace Samples { static partial class PlainLayer { } }"],
        ["a primary constructor on another part"] = [Plain, "namespace Samples { partial class PlainLayer(int size) { public int Size => size; } }"],
        ["a record part in another file"] = [Plain, "namespace Samples { partial record PlainLayer; }"],
        ["a file class of the same name in another file"] = [Plain, "namespace Samples { file class PlainLayer { } }"],
        ["a file class in the layer's file"] = [Plain + "\nfile class Helper { }\n"],
        ["containing type not partial in another file"] = ["""
            using Embedding.Generated;
            namespace Samples;
            public partial class Outer
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class InnerLayer;
            }
            """, "namespace Samples { public class Outer { } }"],
        ["containing type declared as a struct in another file"] = ["""
            using Embedding.Generated;
            namespace Samples;
            public partial class Outer
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class InnerLayer;
            }
            """, "namespace Samples { public partial struct Outer { } }"],
        ["containing generic type and interface"] = ["""
            using Embedding.Generated;
            namespace Samples;
            public partial class Outer<EmbeddingLayer>
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class InnerLayer;
            }
            public partial interface IOuter
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class InnerLayer;
            }
            """],
        ["attribute on two parts in one file"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TwiceLayer;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TwiceLayer;
            """],
        ["attribute on one part plain and one qualified in one file"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class MixedLayer;
            [Embedding.Generated.EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class MixedLayer;
            """],
        ["attribute on two touching parts"] = ["using Embedding.Generated;\nnamespace Samples;\n" +
            "[EmbeddingLayer(InputDim = 10, OutputDim = 4)]public partial class TouchingLayer;[EmbeddingLayer(InputDim = 10, OutputDim = 4)]public partial class TouchingLayer;\n" +
            "[EmbeddingLayer(InputDim = 10, OutputDim = 4)]public partial class NextLayer;[System.Obsolete]public partial class NextLayer;\n"],
        ["attribute on two parts in two files"] = [Plain, Plain.Replace("[EmbeddingLayer(InputDim = 10, OutputDim = 4)]\n", "[EmbeddingLayer(InputDim = 20, OutputDim = 4)]\n")],
        ["names differing in case across the two paths"] = [Plain, """
            namespace Samples;
            [Embedding.Generated.EmbeddingLayer(InputDim = 20, OutputDim = 8)]
            public partial class plainLayer;
            """],
        ["stand-ins for invalid arguments and a class or containing type without partial"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [EmbeddingLayer(InputDim = 0, OutputDim = -4, InputLength = 0)]
            public partial class InvalidLayer;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 20000)]
            public partial class TooLongLayer;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public class NonPartialLayer;
            public class Outer
            {
                [EmbeddingLayer(InputDim = 46341, OutputDim = 46341)]
                public partial class InnerLayer;
            }
            """],
        ["generated member name and generic class"] = ["""
            using Embedding.Generated;
            namespace Samples;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class Forward;
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class GenericLayer<T>;
            """],
    });

    public static TheoryData<string> ProgramNames => [.. Programs.Keys];

    public static TheoryData<string> DescribedPropertyNames => [.. LayerProperties.All.Select(property => property.Name)];

    [Theory]
    [MemberData(nameof(DescribedPropertyNames))]
    public void Each_described_property_is_read_alike_by_both_paths(string propertyName)
    {
        LayerProperty property = LayerProperties.Find(propertyName)!;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Programs[ProgramSetting(property)]);

        LayerArguments syntactic = Assert.Single(TreeReader.Read(compilation.SyntaxTrees.Single(), default).Candidates).Arguments;
        INamedTypeSymbol layer = compilation.GetTypeByMetadataName("Samples." + property.Name + "Layer")!;
        LayerArguments? semantic = EmbeddingGenerator.Parser.ReadArguments(Assert.Single(layer.GetAttributes()));

        Assert.Equal(AttributeDescriptionTests.SampleValue(property), property.ValueIn(syntactic));
        Assert.Equal(syntactic, semantic);
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void Program_generates_what_the_semantic_path_alone_generates(string programName)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Programs[programName]);

        Assert.Equal(Outcome(new ReferenceGenerator(), compilation), Outcome(new EmbeddingGenerator(), compilation));
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void Program_added_file_by_file_generates_what_the_semantic_path_alone_generates(string programName)
    {
        // The driver carries its tables from run to run, so each step's cached value must stay right as files arrive.
        string[] files = Programs[programName];
        GeneratorDriver driver = CreateDriver(new EmbeddingGenerator());
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Plain.Replace("PlainLayer", "SeedLayer"));
        driver = driver.RunGenerators(compilation);
        foreach (string file in files)
        {
            compilation = compilation.AddSyntaxTrees(GeneratorHarness.ParseLike(compilation, file, $"Added{compilation.SyntaxTrees.Length}.cs"));
            driver = driver.RunGenerators(compilation);
            Assert.Equal(Outcome(new ReferenceGenerator(), compilation), Describe(driver.GetRunResult().Results.Single()));
        }
    }

    [Fact]
    public void Library_referenced_under_an_extern_alias_only_generates_what_the_semantic_path_alone_generates()
    {
        // Without `extern alias`, nothing of an aliased reference is visible, so the plain name binds to nothing.
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Plain);
        MetadataReference library = compilation.References.Single(reference => reference.Display?.EndsWith("Embedding.Generated.dll", StringComparison.Ordinal) == true);
        compilation = compilation.ReplaceReference(library, library.WithAliases(["Library"]));

        Assert.Equal(Outcome(new ReferenceGenerator(), compilation), Outcome(new EmbeddingGenerator(), compilation));
    }

    [Theory]
    [InlineData("public int InputDim { get; set; } public int OutputDim { get; set; } public bool MaskZero { get; set; }")]
    [InlineData("public int InputDim { get; set; } public int OutputDim { get; set; } public int InputLength { get; } public bool MaskZero { get; set; }")]
    [InlineData("public long InputDim { get; set; } public int OutputDim { get; set; } public int InputLength { get; set; } public bool MaskZero { get; set; }")]
    public void Attribute_of_another_shape_generates_what_the_semantic_path_alone_generates(string members)
    {
        // Another build of the runtime, whose attribute lacks InputLength, cannot set it, or types InputDim otherwise.
        var image = new System.IO.MemoryStream();
        Assert.True(CSharpCompilation.Create(
                "Embedding.Generated",
                [CSharpSyntaxTree.ParseText("namespace Embedding.Generated { public sealed class EmbeddingLayerAttribute : System.Attribute { " + members + " } }")],
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .Emit(image).Success);
        MetadataReference runtime = MetadataReference.CreateFromImage(image.ToArray());
        CSharpCompilation compilation = CSharpCompilation.Create(
            "UserAssembly",
            [CSharpSyntaxTree.ParseText(Plain.Replace("OutputDim = 4", "OutputDim = 4, InputLength = 3"), GeneratorHarness.ParseOptions)],
            [.. Basic.Reference.Assemblies.Net100.References.All, runtime],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Equal(Outcome(new ReferenceGenerator(), compilation), Outcome(new EmbeddingGenerator(), compilation));
    }

    [Fact]
    public void Script_generates_what_the_semantic_path_alone_generates()
    {
        // A script's classes are nested in its script class, which is not partial: nothing is generated.
        SyntaxTree script = CSharpSyntaxTree.ParseText(Plain.Replace("namespace Samples;", string.Empty), GeneratorHarness.ParseOptions.WithKind(SourceCodeKind.Script));
        CSharpCompilation compilation = CSharpCompilation.CreateScriptCompilation("Script", script, TestReferences.All);

        Assert.Equal(Outcome(new ReferenceGenerator(), compilation), Outcome(new EmbeddingGenerator(), compilation));
    }

    [Fact]
    public void Script_beside_a_regular_file_generates_what_the_semantic_path_alone_generates()
    {
        // The script's class of the same name is Script.GlobalLayer, not another part of the regular file's layer.
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Programs["global namespace"]).AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("class GlobalLayer { }", GeneratorHarness.ParseOptions.WithKind(SourceCodeKind.Script)));

        Assert.Equal(Outcome(new ReferenceGenerator(), compilation), Outcome(new EmbeddingGenerator(), compilation));
    }

    [Fact]
    public void Plain_layer_beside_an_unrelated_global_alias_takes_the_syntactic_path()
    {
        GeneratorRun run = GeneratorHarness.Run(Programs["an unrelated global alias"]);

        Assert.False(run.Generator.TrackedSteps.ContainsKey(TrackingNames.LayerSpecs));
        Assert.Equal(["Samples.PlainLayer.g.cs"], run.HintNames);
    }

    [Fact]
    public void Plain_layer_takes_the_syntactic_path()
    {
        GeneratorRun run = GeneratorHarness.Run(Plain);

        Assert.False(run.Generator.TrackedSteps.ContainsKey(TrackingNames.LayerSpecs));
        Assert.Equal(["Samples.PlainLayer.g.cs"], run.HintNames);
    }

    [Fact]
    public void Layer_behind_an_alias_takes_the_semantic_path()
    {
        GeneratorRun run = GeneratorHarness.Run(Programs["local alias"][0]);

        // The alias makes the whole file semantic: both classes, the plain one too.
        Assert.Equal([IncrementalStepRunReason.New, IncrementalStepRunReason.New], IncrementalAssert.Reasons(run.Generator, TrackingNames.LayerSpecs));
        Assert.Equal(["Samples.AliasedLayer.g.cs", "Samples.PlainInAliasFileLayer.g.cs"], run.HintNames);
    }

    /// <summary>
    /// For each described property, a layer that sets it to a valid value other than its default (beside the required
    /// properties), so that both paths are seen to read every property, a new one too.
    /// </summary>
    private static Dictionary<string, string[]> WithEachDescribedPropertySet(Dictionary<string, string[]> programs)
    {
        foreach (LayerProperty property in LayerProperties.All)
        {
            IEnumerable<string> arguments = LayerProperties.All
                .Where(other => other == property || other.Required is not null)
                .Select(other => other.Name + " = " + AttributeDescriptionTests.SampleLiteral(other));
            programs[ProgramSetting(property)] = [$$"""
                using Embedding.Generated;
                namespace Samples;
                [EmbeddingLayer({{string.Join(", ", arguments)}})]
                public partial class {{property.Name}}Layer;
                """];
        }

        return programs;
    }

    private static string ProgramSetting(LayerProperty property) => "sets " + property.Name;

    private static GeneratorDriver CreateDriver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);

    private static string Outcome(IIncrementalGenerator generator, CSharpCompilation compilation) =>
        Describe(CreateDriver(generator).RunGenerators(compilation).GetRunResult().Results.Single());

    /// <summary>Every generated file (name and text, in name order), or the exception the run ended in.</summary>
    private static string Describe(GeneratorRunResult result) =>
        result.Exception is not null
            ? "threw " + result.Exception.GetType().Name
            : string.Join("\n", result.GeneratedSources
                .OrderBy(source => source.HintName, StringComparer.Ordinal)
                .Select(source => "== " + source.HintName + "\n" + source.SourceText));
}
