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
using Microsoft.CodeAnalysis.Text;

namespace Embedding.Generated.CodeFixes;

/// <summary>
/// EMB006: turns <c>layer.Forward(ids, output)</c> into <c>layer.Forward(ids, output, mask)</c> with a new mask declared
/// just before it (<c>bool[]</c> for spans, <c>bool[,]</c> for 2-D arrays), so that the mask exists and can be passed on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassMaskCodeFixProvider)), Shared]
public sealed class PassMaskCodeFixProvider : CodeFixProvider
{
    private const string Title = "Compute the mask in Forward";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MaskDiscarded);

    /// <inheritdoc />
    // Each fix declares a mask whose free name depends on the masks declared before it, so fixes run one after another.
    public override FixAllProvider GetFixAllProvider() =>
        SequentialFixAll.Create(static (root, diagnostic) => FindCall(root, diagnostic.Location.SourceSpan), static (document, call, _, cancellationToken) => PassMaskAsync(document, call, cancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FindCall(root, context.Span) is not InvocationExpressionSyntax call ||
            Plan(model, call, context.CancellationToken) is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => PassMaskAsync(context.Document, call, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static InvocationExpressionSyntax? FindCall(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary>
    /// The mask declaration (see <see cref="MaskDeclarationFor"/>) and the statement it goes before, or null where the
    /// fix does not apply.
    /// </summary>
    private static (string MaskDeclaration, StatementSyntax Statement)? Plan(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (MaskDeclarationFor(model, call, cancellationToken) is not string maskDeclaration ||
            call.FirstAncestorOrSelf<StatementSyntax>() is not StatementSyntax statement ||
            statement.Parent is not BlockSyntax and not GlobalStatementSyntax ||
            !IsSafeToRepeat(call.ArgumentList.Arguments[0].Expression))
        {
            // Only the span and 2-D array overloads have a mask form; the ids are read twice, so only a plain name is safe.
            return null;
        }

        return (maskDeclaration, statement);
    }

    /// <summary>
    /// The declaration of a mask for the ids of <paramref name="call"/>, with <c>{0}</c> for its name and <c>{1}</c> for
    /// the ids; null for a Forward call that has no mask form.
    /// </summary>
    /// <remarks>
    /// Decided from the arguments' types, not from the Forward overload: the overloads are generated, and a code fix
    /// may run where generated members are not bound yet.
    /// </remarks>
    private static string? MaskDeclarationFor(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (call.ArgumentList.Arguments.Count != 2)
        {
            return null;
        }

        ITypeSymbol? ids = model.GetTypeInfo(call.ArgumentList.Arguments[0].Expression, cancellationToken).Type;
        ITypeSymbol? output = model.GetTypeInfo(call.ArgumentList.Arguments[1].Expression, cancellationToken).Type;
        if (IsIntArray(ids, rank: 2) && output is IArrayTypeSymbol { Rank: 3, ElementType.SpecialType: SpecialType.System_Single })
        {
            return "bool[,] {0} = new bool[{1}.GetLength(0), {1}.GetLength(1)];";
        }

        return (IsIntArray(ids, rank: 1) || IsSpanOf(ids, SpecialType.System_Int32)) &&
               (output is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single } || IsSpanOf(output, SpecialType.System_Single))
            ? "bool[] {0} = new bool[{1}.Length];"
            : null;
    }

    private static bool IsIntArray(ITypeSymbol? type, int rank) =>
        type is IArrayTypeSymbol array && array.Rank == rank && array.ElementType.SpecialType == SpecialType.System_Int32;

    private static bool IsSpanOf(ITypeSymbol? type, SpecialType element) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span &&
        span.ContainingNamespace.ToDisplayString() == "System" &&
        span.TypeArguments[0].SpecialType == element;

    private static bool IsSafeToRepeat(ExpressionSyntax ids) =>
        ids is IdentifierNameSyntax || ids is ThisExpressionSyntax || (ids is MemberAccessExpressionSyntax access && IsSafeToRepeat(access.Expression));

    /// <summary>Declares the mask before the call's statement and passes it; <paramref name="document"/> as it was where the fix does not apply.</summary>
    private static async Task<Document> PassMaskAsync(Document document, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        if (Plan(model, call, cancellationToken) is not (string maskDeclaration, StatementSyntax statement))
        {
            return document;
        }

        string mask = FreeName(model, statement.SpanStart, "mask");
        string ids = call.ArgumentList.Arguments[0].Expression.WithoutTrivia().ToString();

        // The new line ends as the statement's own line does, so a file keeps its line endings.
        SyntaxTrivia endOfLine = statement.GetTrailingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        StatementSyntax declaration = SyntaxFactory.ParseStatement(string.Format(System.Globalization.CultureInfo.InvariantCulture, maskDeclaration, mask, ids))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticLineFeed);
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
