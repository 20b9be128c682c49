using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Embedding.Generated.Benchmarks.BuildTime;

/// <summary>
/// Runs the generator with step tracking over the project, then again after the one-character edit, and counts the
/// reasons each named step and each output gives: the edit must leave every one Cached or Unchanged (no emission work).
/// </summary>
public static class CachingCheck
{
    /// <summary>The reasons of the re-run, per step, e.g. <c>SourceOutput: Cached x 200</c>.</summary>
    public static IReadOnlyList<string> Describe(LayerProject project, out bool everyOutputCached, out int generatedFiles)
    {
        CSharpCompilation original = project.CreateCompilation();
        GeneratorDriver first = project.CreateDriver(trackSteps: true).RunGenerators(original);
        CSharpCompilation edited = original.ReplaceSyntaxTree(project.UnrelatedTree, project.EditedUnrelatedTree(variant: 0));
        GeneratorRunResult rerun = first.RunGenerators(edited).GetRunResult().Results.Single();
        if (rerun.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw on the re-run.", rerun.Exception);
        }

        generatedFiles = rerun.GeneratedSources.Length;
        var lines = new List<string>();
        everyOutputCached = true;
        foreach (string step in LayerProject.StepNames.Append(LayerProject.SourceOutputStep))
        {
            ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps =
                step == LayerProject.SourceOutputStep ? rerun.TrackedOutputSteps : rerun.TrackedSteps;
            if (!steps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs))
            {
                // The semantic path's steps have no step when every layer took the syntactic path, as all do here.
                bool semanticPath = step is "LayerSpecs" or "ValidLayerSpecs";
                lines.Add(semanticPath ? $"{step}: not run (every layer read from syntax)" : $"{step}: not tracked");
                everyOutputCached &= semanticPath;
                continue;
            }

            IncrementalStepRunReason[] reasons = [.. runs.SelectMany(run => run.Outputs).Select(output => output.Reason)];
            everyOutputCached &= reasons.All(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
            lines.Add(step + ": " + string.Join(", ", reasons.GroupBy(reason => reason).OrderBy(group => group.Key).Select(group => $"{group.Key} x {group.Count()}")));
        }

        return lines;
    }
}
