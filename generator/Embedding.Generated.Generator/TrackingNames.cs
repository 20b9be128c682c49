namespace Embedding.Generated.Generator;

/// <summary>Names of the generator's pipeline steps, so that tests can read how each step ran.</summary>
internal static class TrackingNames
{
    /// <summary>Each syntax tree read into the layers it declares and the parts of its types, without binding.</summary>
    public const string TreeSummaries = nameof(TreeSummaries);

    /// <summary>Whether the attribute's names can only mean this library's attribute in the compilation.</summary>
    public const string AttributeNameIsUnique = nameof(AttributeNameIsUnique);

    /// <summary>The layers decided from the tree summaries, or the request to parse their candidates semantically.</summary>
    public const string SyntacticDecisions = nameof(SyntacticDecisions);

    /// <summary>The layers of the syntactic candidates, decided from syntax or, where it could not, semantically.</summary>
    public const string SyntacticLayerSpecs = nameof(SyntacticLayerSpecs);

    /// <summary>Each annotated class the syntactic path does not take, reduced to a layer spec (or null when it cannot be generated).</summary>
    public const string LayerSpecs = nameof(LayerSpecs);

    /// <summary>The specs that can be generated.</summary>
    public const string ValidLayerSpecs = nameof(ValidLayerSpecs);

    /// <summary>Every valid layer of the compilation, gathered to give each a unique file name.</summary>
    public const string AllLayerSpecs = nameof(AllLayerSpecs);

    /// <summary>The few facts about the compilation that change what is emitted.</summary>
    public const string CompilationFacts = nameof(CompilationFacts);

    /// <summary>A layer spec with the compilation facts and its file name: everything one output depends on.</summary>
    public const string LayerSources = nameof(LayerSources);
}
