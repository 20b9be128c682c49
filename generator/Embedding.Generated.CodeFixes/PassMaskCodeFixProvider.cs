using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Embedding.Generated.CodeFixes;

/// <summary>
/// EMB006: turns <c>layer.Forward(ids, output)</c> into <c>layer.Forward(ids, output, mask)</c> with a new
/// <c>bool[] mask</c> declared just before, so that the mask exists and can be passed on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassMaskCodeFixProvider)), Shared]
public sealed class PassMaskCodeFixProvider : CodeFixProvider
{
    private const string Title = "Compute the mask in Forward";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MaskDiscarded);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not InvocationExpressionSyntax call ||
            call.ArgumentList.Arguments.Count != 2 ||
            call.FirstAncestorOrSelf<StatementSyntax>() is not StatementSyntax statement ||
            statement.Parent is not BlockSyntax and not GlobalStatementSyntax ||
            !IsSafeToRepeat(call.ArgumentList.Arguments[0].Expression))
        {
            // Only the span overload has a mask form; the ids are read twice, so only a plain name or member is safe.
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => PassMaskAsync(context.Document, call, statement, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static bool IsSafeToRepeat(ExpressionSyntax ids) =>
        ids is IdentifierNameSyntax || (ids is MemberAccessExpressionSyntax access && IsSafeToRepeat(access.Expression)) || ids is ThisExpressionSyntax;

    private static async Task<Document> PassMaskAsync(Document document, InvocationExpressionSyntax call, StatementSyntax statement, CancellationToken cancellationToken)
    {
        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        string mask = FreeName(model, statement.SpanStart, "mask");
        ExpressionSyntax ids = call.ArgumentList.Arguments[0].Expression.WithoutTrivia();

        // bool[] mask = new bool[ids.Length];
        StatementSyntax declaration = SyntaxFactory.ParseStatement($"bool[] {mask} = new bool[{ids}.Length];")
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        InvocationExpressionSyntax withMask = call.AddArgumentListArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(mask)));

        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        SyntaxNode anchor = statement.Parent is GlobalStatementSyntax global ? global : statement;
        SyntaxNode newAnchor = anchor.ReplaceNode(call, withMask);
        SyntaxNode newDeclaration = anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(declaration) : declaration;
        return document.WithSyntaxRoot(root.ReplaceNode(anchor, new[] { newDeclaration, newAnchor }));
    }

    /// <summary>"mask", or "mask2", "mask3", ... when a symbol of that name is already in scope.</summary>
    private static string FreeName(SemanticModel model, int position, string name)
    {
        string candidate = name;
        for (int suffix = 2; model.LookupSymbols(position, name: candidate).Any(); suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
