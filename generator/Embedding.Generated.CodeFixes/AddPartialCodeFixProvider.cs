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

/// <summary>EMB004: adds <c>partial</c> to the layer class and to every type around it that lacks it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add 'partial'";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnsupportedTarget);

    /// <inheritdoc />
    // Layers nested in one class each make it partial: fixes run one after another, each seeing what the last one did.
    public override FixAllProvider GetFixAllProvider() =>
        SequentialFixAll.Create(static (root, diagnostic) => IsAboutPartial(diagnostic) ? FindDeclaration(root, diagnostic.Location.SourceSpan) : null,
            static (document, declaration, _, cancellationToken) => AddPartialAsync(document, declaration, cancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || FindDeclaration(root, context.Span) is not TypeDeclarationSyntax declaration ||
            !declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(IsNotPartial))
        {
            return;
        }

        // EMB004 also covers generic, static, record and struct targets: the analyzer marks the cases 'partial' fixes.
        foreach (Diagnostic diagnostic in context.Diagnostics.Where(IsAboutPartial))
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => AddPartialAsync(context.Document, declaration, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static TypeDeclarationSyntax? FindDeclaration(SyntaxNode root, TextSpan span) =>
        root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();

    private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        TypeDeclarationSyntax[] toFix = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(IsNotPartial).ToArray();
        SyntaxNode fixedRoot = root.ReplaceNodes(toFix, static (_, current) => WithPartial(current));
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static bool IsAboutPartial(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(CodeFixKinds.PropertyName, out string? fix) && fix == CodeFixKinds.AddPartial;

    private static bool IsNotPartial(TypeDeclarationSyntax declaration) => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>'partial' goes last among the modifiers, where the language requires it, keeping the trivia in place.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }
}
