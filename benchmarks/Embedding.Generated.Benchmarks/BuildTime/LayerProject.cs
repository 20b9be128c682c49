using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Basic.Reference.Assemblies;
using Embedding.Generated.Generator;
using Embedding.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Embedding.Generated.Benchmarks.BuildTime;

/// <summary>
/// A user project of <see cref="LayerCount"/> annotated layers, each in its own file with a little code that uses it
/// (a forward pass, a constraint), plus one unrelated file that the edit touches. Parsed once; compilations are
/// created fresh wherever a benchmark must not find the previous call's binding already done.
/// </summary>
public sealed class LayerProject
{
    /// <summary>Annotated layers in the project.</summary>
    public const int LayerCount = 200;

    /// <summary>Name of the output step of <c>RegisterSourceOutput</c> in the driver's tracking.</summary>
    public const string SourceOutputStep = "SourceOutput";

    private const string UnrelatedPath = "Settings.cs";
    private const string UnrelatedSource = """
        namespace BuildTime;

        /// <summary>Training settings: nothing here touches a layer.</summary>
        public static class Settings
        {
            public const int Epochs = 10;
        }
        """;

    private static readonly int[] OutputDims = [3, 8, 16, 17, 32, 64, 100, 128, 256, 300];

    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);
    private readonly CSharpCompilationOptions _compilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    /// <summary>Parses every file of the project.</summary>
    public LayerProject()
    {
        References = [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(IEmbeddingLayer).Assembly.Location)];
        UnrelatedTree = CSharpSyntaxTree.ParseText(UnrelatedSource, _parseOptions, UnrelatedPath);
        Trees = [.. Enumerable.Range(0, LayerCount).Select(ParseLayer), UnrelatedTree];
    }

    /// <summary>The .NET 10 reference assemblies and the runtime, which holds the attribute.</summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>Every user file: the layers, then the unrelated file.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The file the edit changes.</summary>
    public SyntaxTree UnrelatedTree { get; }

    /// <summary>The analyzers shipped with the generator.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        [new LayerAttributeAnalyzer(), new LayerUsageAnalyzer(), new ComponentArgumentAnalyzer()];

    /// <summary>
    /// The generator's named steps, read from its <c>TrackingNames</c> constants (internal to the generator), so that a
    /// step added later is checked too.
    /// </summary>
    public static ImmutableArray<string> StepNames { get; } =
    [
        .. typeof(EmbeddingGenerator).Assembly.GetType("Embedding.Generated.Generator.TrackingNames", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A new compilation of the user files (nothing bound yet).</summary>
    public CSharpCompilation CreateCompilation() => CreateCompilation(Trees);

    /// <summary>A new compilation of <paramref name="trees"/> with the project's references and options.</summary>
    public CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees) =>
        CSharpCompilation.Create("BuildTimeUser", trees, References, _compilationOptions);

    /// <summary>
    /// <paramref name="compilation"/> after a one-character edit of the unrelated file (<c>Epochs = 10</c> becomes
    /// <c>1</c> followed by a digit picked from <paramref name="variant"/>), as the IDE derives it after a keystroke.
    /// </summary>
    public SyntaxTree EditedUnrelatedTree(int variant)
    {
        char digit = (char)('1' + (Math.Abs(variant) % 9));
        string edited = UnrelatedSource.Replace("Epochs = 10", "Epochs = 1" + digit, StringComparison.Ordinal);
        return CSharpSyntaxTree.ParseText(edited, _parseOptions, UnrelatedPath);
    }

    /// <summary>A driver for the generator, as the compiler creates one; step tracking only where asked.</summary>
    public GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new EmbeddingGenerator().AsSourceGenerator()],
            parseOptions: _parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Throws unless <paramref name="compilation"/> compiles without errors and holds every generated layer.</summary>
    public static void RequireCleanCompilation(Compilation compilation)
    {
        Diagnostic[] errors = [.. compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)];
        if (errors.Length > 0)
        {
            throw new InvalidOperationException(
                $"The build-time project does not compile ({errors.Length} errors), e.g.:\n  " + string.Join("\n  ", errors.Take(5)));
        }
    }

    private SyntaxTree ParseLayer(int index)
    {
        int outputDim = OutputDims[index % OutputDims.Length];
        bool maskZero = index % 5 == 4;
        bool fixedLength = index % 4 != 3;
        string name = string.Create(CultureInfo.InvariantCulture, $"Layer{index:D3}Embedding");
        var arguments = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"InputDim = {1_000 + index}, OutputDim = {outputDim}")
            .Append(fixedLength ? string.Create(CultureInfo.InvariantCulture, $", InputLength = {8 + (index % 7)}") : string.Empty)
            .Append(maskZero ? ", MaskZero = true" : string.Empty);
        string forward = maskZero
            ? "public static void Run(" + name + " layer, int[] ids, float[] output, bool[] mask) => layer.Forward(ids, output, mask);"
            : "public static void Run(" + name + " layer, int[] ids, float[] output) => layer.Forward(ids, output);";
        string source = $$"""
            using Embedding.Generated;
            using Embedding.Generated.Constraints;

            namespace BuildTime.Layers;

            [EmbeddingLayer({{arguments}})]
            public partial class {{name}};

            public static class {{name}}Usage
            {
                {{forward}}

                public static MaxNorm Constraint() => new MaxNorm(2f, axis: 1);
            }
            """;
        return CSharpSyntaxTree.ParseText(source, _parseOptions, name + ".cs");
    }
}
