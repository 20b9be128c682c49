using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Embedding.Generated.CodeFixes;

/// <summary>
/// A Fix All that applies one diagnostic's fix after another in each document, each to the text the previous one
/// left. <see cref="WellKnownFixAllProviders.BatchFixer"/> computes every fix on the original text and merges the
/// changes, which goes wrong where fixes see each other: two masks declared in one block would both be named
/// <c>mask</c>, and two layers nested in one class would each add <c>partial</c> to it.
/// </summary>
internal static class SequentialFixAll
{
    /// <summary>
    /// A provider that finds each diagnostic's target node with <paramref name="findTarget"/> (null: nothing to fix)
    /// and fixes the targets in source order with <paramref name="fix"/>, which receives the target as it stands in the
    /// document it is given and the equivalence key of the chosen fix, and returns that document unchanged where the
    /// fix no longer applies.
    /// </summary>
    /// <remarks>
    /// The key is null when no fix was chosen: <c>dotnet format analyzers</c> asks for Fix All without one, so where a
    /// diagnostic has several fixes <paramref name="fix"/> applies the one offered first.
    /// </remarks>
    public static FixAllProvider Create<TNode>(
        Func<SyntaxNode, Diagnostic, TNode?> findTarget, Func<Document, TNode, string?, CancellationToken, Task<Document>> fix)
        where TNode : SyntaxNode =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            if (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not SyntaxNode root)
            {
                return document;
            }

            // The targets are marked in the original tree and found again by their marks after each fix has moved them.
            var targets = new Dictionary<TNode, SyntaxAnnotation>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (findTarget(root, diagnostic) is TNode target && !targets.ContainsKey(target))
                {
                    targets.Add(target, new SyntaxAnnotation());
                }
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(targets.Keys, (original, current) => current.WithAdditionalAnnotations(targets[original])));
            foreach (SyntaxAnnotation mark in targets.OrderBy(target => target.Key.SpanStart).Select(target => target.Value))
            {
                SyntaxNode current = (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
                if (current.GetAnnotatedNodes(mark).OfType<TNode>().FirstOrDefault() is TNode target)
                {
                    document = await fix(document, target, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);
                }
            }

            return document;
        });
}
