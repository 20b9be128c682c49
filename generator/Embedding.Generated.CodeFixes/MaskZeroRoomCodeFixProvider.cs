using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// EMB005: MaskZero reserves id 0, so either the vocabulary grows by one (<c>InputDim + 1</c>) or the mask goes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaskZeroRoomCodeFixProvider)), Shared]
public sealed class MaskZeroRoomCodeFixProvider : CodeFixProvider
{
    private const string AddPaddingRowTitle = "Add a row for padding (InputDim + 1)";
    private const string RemoveMaskZeroTitle = "Remove MaskZero";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MaskZeroWithoutRoom);

    /// <inheritdoc />
    // Sequential rather than batched for one reason: dotnet format asks for Fix All with no fix chosen, and then the
    // padding row, offered first, is what it applies.
    public override FixAllProvider GetFixAllProvider() =>
        SequentialFixAll.Create(
            static (root, diagnostic) => FindAttribute(root, diagnostic.Location.SourceSpan),
            static (document, attribute, equivalenceKey, cancellationToken) => Fix(document, attribute, equivalenceKey ?? AddPaddingRowTitle, cancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || FindAttribute(root, context.Span) is not AttributeSyntax attribute ||
            Argument(attribute, "InputDim") is null || Argument(attribute, "MaskZero") is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            foreach (string title in new[] { AddPaddingRowTitle, RemoveMaskZeroTitle })
            {
                context.RegisterCodeFix(CodeAction.Create(title, cancellationToken => Fix(context.Document, attribute, title, cancellationToken), equivalenceKey: title), diagnostic);
            }
        }
    }

    private static AttributeSyntax? FindAttribute(SyntaxNode root, TextSpan span) => root.FindNode(span).FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary>Applies the fix titled <paramref name="title"/> to the attribute; the document as it was if the attribute lacks an argument it needs.</summary>
    private static async Task<Document> Fix(Document document, AttributeSyntax attribute, string title, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (Argument(attribute, "InputDim") is not AttributeArgumentSyntax inputDim || Argument(attribute, "MaskZero") is not AttributeArgumentSyntax maskZero)
        {
            return document;
        }

        return document.WithSyntaxRoot(title == RemoveMaskZeroTitle
            ? root.ReplaceNode(attribute, WithoutArgument(attribute, maskZero))
            : root.ReplaceNode(inputDim, PlusOne(inputDim)));
    }

    private static AttributeArgumentSyntax? Argument(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>A literal becomes the next number; any other expression gets <c>+ 1</c>.</summary>
    private static AttributeArgumentSyntax PlusOne(AttributeArgumentSyntax argument)
    {
        ExpressionSyntax value = argument.Expression;
        ExpressionSyntax plusOne = value is LiteralExpressionSyntax { Token.Value: int number }
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal((number + 1).ToString(CultureInfo.InvariantCulture), number + 1))
            : SyntaxFactory.BinaryExpression(
                SyntaxKind.AddExpression,
                value.WithoutTrivia(),
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.PlusToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
        return argument.WithExpression(plusOne.WithTriviaFrom(value));
    }

    private static AttributeSyntax WithoutArgument(AttributeSyntax attribute, AttributeArgumentSyntax argument) =>
        attribute.WithArgumentList(attribute.ArgumentList!.WithArguments(attribute.ArgumentList.Arguments.Remove(argument)));
}
