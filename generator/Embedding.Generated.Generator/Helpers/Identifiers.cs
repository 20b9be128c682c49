using Microsoft.CodeAnalysis.CSharp;

namespace Embedding.Generated.Generator.Helpers;

/// <summary>Names as the generated source must spell them.</summary>
internal static class Identifiers
{
    /// <summary><paramref name="name"/> with <c>@</c> in front when it is a C# keyword (a class named <c>@class</c>).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
