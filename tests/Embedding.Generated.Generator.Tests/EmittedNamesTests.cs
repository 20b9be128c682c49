using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// <see cref="EmittedNames"/> is what the rules and analyzers know of the generated members: it must name every member
/// the generator adds to a layer class, in every configuration, and no member it never adds.
/// </summary>
public sealed class EmittedNamesTests
{
    private static readonly string[] Configurations =
    [
        "InputDim = 100, OutputDim = 8, InputLength = 5, MaskZero = true",
        "InputDim = 100, OutputDim = 17",
        "InputDim = 10, OutputDim = 0, InputLength = 3",
        "InputDim = 0, OutputDim = 4",
    ];

    [Fact]
    public void Every_member_the_generator_adds_is_an_emitted_name()
    {
        foreach (string configuration in Configurations)
        {
            Assert.All(GeneratedMemberNames(configuration), name =>
                Assert.True(EmittedNames.IsMemberOf("Layer", name), $"'{name}', generated for [{configuration}], is not in EmittedNames."));
        }
    }

    [Fact]
    public void Every_emitted_name_is_a_member_the_generator_adds_in_some_configuration()
    {
        HashSet<string> generated = [.. Configurations.SelectMany(GeneratedMemberNames)];

        Assert.All(EmittedNames.Members, name => Assert.Contains(name, generated));
        Assert.Contains(EmittedNames.ShapeOf("Layer"), generated);
    }

    /// <summary>
    /// The names of the members of the generated part of <c>Samples.Layer</c>, without constructors and explicit
    /// interface implementations (which take no name of the class).
    /// </summary>
    private static IEnumerable<string> GeneratedMemberNames(string configuration)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            using Embedding.Generated;
            namespace Samples;
            [EmbeddingLayer({{configuration}})]
            public partial class Layer;
            """);
        INamedTypeSymbol layer = run.OutputCompilation.GetTypeByMetadataName("Samples.Layer")!;
        return layer.GetMembers()
            .Where(member => !member.IsImplicitlyDeclared &&
                member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.ExplicitInterfaceImplementation or MethodKind.PropertyGet or MethodKind.PropertySet } &&
                !(member is IPropertySymbol { ExplicitInterfaceImplementations.IsEmpty: false }) &&
                member.Locations.All(location => location.SourceTree is { } tree && !run.InputCompilation.SyntaxTrees.Contains(tree)))
            .Select(member => member.Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
