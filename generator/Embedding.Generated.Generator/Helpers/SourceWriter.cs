using System;
using System.Text;

namespace Embedding.Generated.Generator.Helpers;

/// <summary>
/// Writes C# source with four-space indentation and <c>\n</c> line endings, whatever the machine, so that the
/// output is the same everywhere. <see cref="Block"/> opens a brace and closes it when disposed, keeping braces balanced.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerIndent = 4;
    private readonly StringBuilder _builder = new();

    public int Indentation { get; set; }

    public void WriteLine()
    {
        _builder.Append('\n');
    }

    /// <summary>Writes one or more lines, each indented; blank lines stay empty.</summary>
    public void WriteLine(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                _builder.Append(' ', Indentation * SpacesPerIndent);
                _builder.Append(line);
            }

            _builder.Append('\n');
        }
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and returns a scope that closes it.</summary>
    public Scope Block(string header)
    {
        WriteLine(header);
        return Block();
    }

    /// <summary>Writes an opening brace and returns a scope that closes it.</summary>
    public Scope Block()
    {
        WriteLine("{");
        Indentation++;
        return new Scope(this, "}");
    }

    public override string ToString()
    {
        if (Indentation != 0)
        {
            throw new InvalidOperationException($"Unbalanced blocks: indentation is {Indentation} at the end.");
        }

        return _builder.ToString();
    }

    /// <summary>Closes a block when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        public Scope(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer.Indentation--;
            _writer.WriteLine(_closing);
        }
    }
}
