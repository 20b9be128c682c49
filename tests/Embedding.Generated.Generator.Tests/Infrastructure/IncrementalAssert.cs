using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Asserts how the generator's pipeline ran, from the steps the driver tracked: which steps reran, which were
/// served from cache, and that no step holds a compiler object.
/// </summary>
internal static class IncrementalAssert
{
    /// <summary>The name of the output step of <c>RegisterSourceOutput</c>.</summary>
    public const string SourceOutput = "SourceOutput";

    /// <summary>Every step name declared in <see cref="TrackingNames"/>, read by reflection so a new step is covered at once.</summary>
    public static string[] StepNames { get; } =
    [
        .. typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// The steps of the semantic path (<c>ForAttributeWithMetadataName</c>), which have no step at all in a run where
    /// every class took the syntactic path.
    /// </summary>
    public static string[] SemanticPathSteps { get; } = [TrackingNames.LayerSpecs, TrackingNames.ValidLayerSpecs];

    /// <summary>
    /// Fails unless every named step ran (so the names still match the pipeline; the semantic path's steps only when
    /// some class took it) and every output of every named step and of the source output is
    /// <see cref="IncrementalStepRunReason.Cached"/> or <see cref="IncrementalStepRunReason.Unchanged"/>: nothing was
    /// emitted again. A file added since the last run is a new tree, so <paramref name="newTrees"/> summaries may be New.
    /// </summary>
    public static void EveryStepCachedOrUnchanged(GeneratorRunResult result, int newTrees = 0)
    {
        var problems = new List<string>();
        foreach (string name in StepNames.Except(SemanticPathSteps))
        {
            if (!result.TrackedSteps.ContainsKey(name))
            {
                problems.Add($"{name}: not tracked in this run");
            }
        }

        int newSummaries = 0;
        foreach ((string step, IncrementalStepRunReason reason) in ReasonsOfEveryStep(result))
        {
            if (step == TrackingNames.TreeSummaries && reason == IncrementalStepRunReason.New)
            {
                newSummaries++;
            }
            else if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            {
                problems.Add($"{step}: {reason}");
            }
        }

        if (newSummaries != newTrees)
        {
            problems.Add($"{TrackingNames.TreeSummaries}: New x {newSummaries}, expected {newTrees}");
        }

        if (problems.Count > 0)
        {
            Assert.Fail("Expected every step Cached or Unchanged, but:\n  " + string.Join("\n  ", problems));
        }
    }

    /// <summary>The reason of every output of the named step, in the order the step produced them.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string stepName)
    {
        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps =
            stepName == SourceOutput ? result.TrackedOutputSteps : result.TrackedSteps;
        Assert.True(steps.ContainsKey(stepName), $"Step '{stepName}' was not tracked; tracked: {string.Join(", ", steps.Keys)}");
        return [.. steps[stepName].SelectMany(step => step.Outputs).Select(output => output.Reason)];
    }

    /// <summary>
    /// Per generated file: the value the emitter ran on (the source output's input, a <c>LayerSource</c>) and the
    /// reason the output step gives.
    /// </summary>
    public static (object Input, IncrementalStepRunReason Reason)[] SourceOutputs(GeneratorRunResult result) =>
    [
        .. result.TrackedOutputSteps[SourceOutput].SelectMany(step =>
        {
            (IncrementalGeneratorRunStep source, int index) = step.Inputs.Single();
            object input = source.Outputs[index].Value;
            return step.Outputs.Select(output => (input, output.Reason));
        }),
    ];

    /// <summary>
    /// Fails if an output of a named step holds, anywhere in its object graph, a
    /// <see cref="Compilation"/>, <see cref="ISymbol"/>, <see cref="SyntaxNode"/>, <see cref="SyntaxTree"/>,
    /// <see cref="SemanticModel"/> or <see cref="Location"/>. (The source output's own values are the emitted text;
    /// what it ran on is the output of the last named step, so that is covered.)
    /// </summary>
    public static void HoldsNoCompilerObjects(GeneratorRunResult result)
    {
        var found = new List<string>();
        IEnumerable<(string Name, IncrementalGeneratorRunStep Step)> steps = StepNames
            .Where(result.TrackedSteps.ContainsKey)
            .SelectMany(name => result.TrackedSteps[name].Select(step => (name, step)));
        foreach ((string name, IncrementalGeneratorRunStep step) in steps)
        {
            foreach ((object value, _) in step.Outputs)
            {
                found.AddRange(ForbiddenObjectFinder.Find(value, name));
            }
        }

        Assert.True(found.Count == 0, "Pipeline values hold compiler objects:\n  " + string.Join("\n  ", found));
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> ReasonsOfEveryStep(GeneratorRunResult result)
    {
        IEnumerable<(string Name, ImmutableArray<IncrementalGeneratorRunStep> Steps)> named = StepNames
            .Where(result.TrackedSteps.ContainsKey)
            .Select(name => (name, result.TrackedSteps[name]))
            .Append((SourceOutput, result.TrackedOutputSteps.GetValueOrDefault(SourceOutput, [])));
        return named.SelectMany(pair => pair.Steps
            .SelectMany(step => step.Outputs)
            .Select(output => (pair.Name, output.Reason)));
    }
}
