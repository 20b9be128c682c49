using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Evaluates the Python literal of an .npy header as NumPy does, with <c>ast.literal_eval</c>: dictionaries (a repeated
/// key keeps its last value), tuples, lists, sets, strings (quoted either way, triple-quoted, escaped, adjacent ones
/// joined), integers, floats, <c>True</c>, <c>False</c> and <c>None</c>, with comments and any whitespace between
/// them. A parse gives a string, <see cref="BigInteger"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="None"/>, <see cref="Tuple"/>, <see cref="List{T}"/> of values, <see cref="Set"/> or <see cref="Dict"/>.
/// </summary>
/// <remarks>
/// NumPy would also evaluate complex and bytes literals and other names' constants; no header of a float32 array holds
/// them, and this reader refuses them as malformed.
/// </remarks>
internal sealed partial class PythonLiteral
{
    // CPython's tokenizer refuses more than 200 nested brackets; the limit also keeps the recursion off the stack's end.
    private const int MaxNesting = 200;
    private const int MaxDecimalDigits = 4300;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly string _text;
    private readonly bool _longSuffixes;
    private int _position;
    private int _nesting;

    private PythonLiteral(string text, bool longSuffixes)
    {
        _text = text;
        _longSuffixes = longSuffixes;
    }

    /// <summary>Python's <c>None</c>.</summary>
    public static object None { get; } = new NoneValue();

    /// <summary>
    /// The value of <paramref name="text"/>. With <paramref name="longSuffixes"/>, an <c>L</c> after a number is dropped
    /// first, as NumPy does for format versions 1.0 and 2.0 (which Python 2 wrote with <c>50L</c>).
    /// </summary>
    /// <exception cref="FormatException">The text is not one Python literal; the message says where and why.</exception>
    public static object Parse(string text, bool longSuffixes)
    {
        var parser = new PythonLiteral(text, longSuffixes);
        parser.SkipSpace();

        // literal_eval strips spaces before the first line only: a value indented on a later line is Python's
        // "unexpected indent".
        int lineStart = text.AsSpan(0, parser._position).LastIndexOfAny('\n', '\r') + 1;
        if (lineStart > 0 && parser._position > lineStart)
        {
            throw parser.Error("the value is indented on a line after the first (Python's unexpected indent)");
        }

        object value = parser.Value();
        parser.SkipSpace();
        if (parser._position != text.Length)
        {
            throw parser.Error("text follows the literal");
        }

        return value;
    }

    /// <summary>The value as Python's <c>repr</c> writes it, for messages (cut short as <see cref="Excerpt"/> does).</summary>
    public static string Repr(object value) => Excerpt(Written(value));

    /// <summary>
    /// The text, or its first 200 characters and "...": a header may run to a megabyte, and its start is enough to
    /// recognise it in a message.
    /// </summary>
    public static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static string Written(object value) => value switch
    {
        string text => ReprString(text),
        bool flag => flag ? "True" : "False",
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        Tuple tuple => tuple.Items.Count == 1 ? $"({Written(tuple.Items[0])},)" : $"({string.Join(", ", tuple.Items.Select(Written))})",
        List<object> list => $"[{string.Join(", ", list.Select(Written))}]",
        Set set => $"{{{string.Join(", ", set.Items.Select(Written))}}}",
        Dict dict => $"{{{string.Join(", ", dict.Entries.Select(entry => $"{Written(entry.Key)}: {Written(entry.Value)}"))}}}",
        _ => "None",
    };

    private static string ReprString(string text)
    {
        char quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append(quote).ToString();
    }

    private object Value()
    {
        SkipSpace();
        if (_position == _text.Length)
        {
            throw Error("the text ends where a value should be");
        }

        char c = _text[_position];
        return c switch
        {
            '(' => Nested(TupleOrParenthesised),
            '[' => Nested(ListValue),
            '{' => Nested(DictOrSet),
            '+' or '-' => SignedNumber(),
            _ when AtString() => Strings(),
            _ when char.IsAsciiDigit(c) || c == '.' => Number(),
            _ when char.IsLetter(c) || c == '_' => Name(),
            _ => throw Error($"'{c}' cannot start a value"),
        };
    }

    private object Nested(Func<object> container)
    {
        if (++_nesting > MaxNesting)
        {
            throw Error($"brackets nest deeper than {MaxNesting}");
        }

        object value = container();
        _nesting--;
        return value;
    }

    private object TupleOrParenthesised()
    {
        _position++;
        var items = new List<object>();
        bool comma = Items(')', () => items.Add(Value()));

        // (x) is x itself; a comma makes a tuple, and so do empty parentheses.
        return items.Count == 1 && !comma ? items[0] : new Tuple(items);
    }

    private List<object> ListValue()
    {
        _position++;
        var items = new List<object>();
        Items(']', () => items.Add(Value()));
        return items;
    }

    private object DictOrSet()
    {
        _position++;
        if (TryConsume('}'))
        {
            return new Dict([]);
        }

        object first = Value();
        if (!TryConsume(':'))
        {
            var items = new List<object> { first };
            Rest(() => items.Add(Value()));
            return new Set(items);
        }

        // A key given again keeps its first place and takes the new value, as a Python dict display does.
        var entries = new List<KeyValuePair<object, object>>();
        var places = new Dictionary<object, int>();
        void Add(object key, object value)
        {
            if (places.TryGetValue(key, out int place))
            {
                entries[place] = new(key, value);
            }
            else
            {
                places.Add(key, entries.Count);
                entries.Add(new(key, value));
            }
        }

        Add(first, Value());
        Rest(() =>
        {
            object key = Value();
            Expect(':');
            Add(key, Value());
        });
        return new Dict(entries);

        // After the first item of a brace: more items after commas, then the closing brace.
        void Rest(Action readItem)
        {
            if (TryConsume(','))
            {
                Items('}', readItem);
            }
            else
            {
                Expect('}');
            }
        }
    }

    // Items separated by commas up to the closing bracket, a trailing comma allowed; whether there was a comma.
    private bool Items(char close, Action readItem)
    {
        bool comma = false;
        while (!TryConsume(close))
        {
            readItem();
            if (!TryConsume(','))
            {
                Expect(close);
                break;
            }

            comma = true;
        }

        return comma;
    }

    private bool AtString()
    {
        char c = _text[_position];
        return c is '\'' or '"' ||
               (c is 'u' or 'U' or 'r' or 'R' && _position + 1 < _text.Length && _text[_position + 1] is '\'' or '"');
    }

    private string Strings()
    {
        // Adjacent literals are one string: 'a' 'b' is 'ab'. u'' is an ordinary string and r'' a raw one.
        var builder = new StringBuilder();
        do
        {
            bool raw = _text[_position] is 'r' or 'R';
            if (_text[_position] is not ('\'' or '"'))
            {
                _position++;
            }

            builder.Append(QuotedString(raw));
            SkipSpace();
        }
        while (_position < _text.Length && AtString());

        return builder.ToString();
    }

    private object Name()
    {
        int start = _position;
        while (_position < _text.Length && IsNameChar(_text[_position]))
        {
            _position++;
        }

        string name = _text[start.._position];
        return name switch
        {
            "True" => true,
            "False" => false,
            "None" => None,
            _ => throw ErrorAt(start, $"'{name}' is not a literal (bytes, f-strings and names are not)"),
        };
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private string QuotedString(bool raw)
    {
        char quote = _text[_position];
        string tripleQuote = new(quote, 3);
        bool triple = _text.AsSpan(_position).StartsWith(tripleQuote, StringComparison.Ordinal);
        int start = _position;
        _position += triple ? 3 : 1;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position == _text.Length)
            {
                throw ErrorAt(start, "the string is not closed");
            }

            char c = _text[_position];
            if (c == quote && (!triple || _text.AsSpan(_position).StartsWith(tripleQuote, StringComparison.Ordinal)))
            {
                _position += triple ? 3 : 1;
                return builder.ToString();
            }

            if (!triple && c is '\n' or '\r')
            {
                throw ErrorAt(start, "the string is not closed on its line");
            }

            if (c == '\\' && _position + 1 < _text.Length)
            {
                if (raw)
                {
                    // A raw string keeps the backslash, and the backslash still keeps a quote from ending it.
                    builder.Append(c).Append(_text[_position + 1]);
                    _position += 2;
                }
                else
                {
                    Escape(builder);
                }

                continue;
            }

            builder.Append(c);
            _position++;
        }
    }

    private void Escape(StringBuilder builder)
    {
        int start = _position;
        _position++;
        char c = _text[_position++];
        switch (c)
        {
            case '\n':
                break;
            case '\\' or '\'' or '"':
                builder.Append(c);
                break;
            case 'a': builder.Append('\a'); break;
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'v': builder.Append('\v'); break;
            case 'x' or 'u' or 'U':
                int digits = c switch { 'x' => 2, 'u' => 4, _ => 8 };
                if (_position + digits > _text.Length || _text.AsSpan(_position, digits).ContainsAnyExcept(HexDigits) ||
                    !Rune.TryCreate(int.Parse(_text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), out Rune rune))
                {
                    throw ErrorAt(start, $"\\{c} needs {digits} hexadecimal digits of a Unicode code point");
                }

                _position += digits;
                builder.Append(rune.ToString());
                break;
            case >= '0' and <= '7':
                int octal = c - '0';
                for (int count = 1; count < 3 && _position < _text.Length && _text[_position] is >= '0' and <= '7'; count++)
                {
                    octal = (octal * 8) + (_text[_position++] - '0');
                }

                builder.Append((char)octal);
                break;
            default:
                // Python keeps an unknown escape as it stands, backslash and all.
                builder.Append('\\').Append(c);
                break;
        }
    }

    private object SignedNumber()
    {
        // literal_eval takes one sign before a number, never before anything else.
        bool negative = _text[_position++] == '-';
        SkipSpace();
        if (_position == _text.Length || !(char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            throw Error("a sign must be followed by a number");
        }

        return Number() switch
        {
            BigInteger integer => negative ? -integer : integer,
            double real => negative ? -real : real,
            _ => throw new InvalidOperationException("Number gives integers and floats only."),
        };
    }

    private object Number()
    {
        int start = _position;
        Match match = NumberPattern().Match(_text, _position);
        if (!match.Success)
        {
            throw Error("a number should start here");
        }

        _position += match.Length;
        if (_longSuffixes)
        {
            // NumPy's filter drops a name token L that follows a number token, whatever the space between them.
            int after = _position;
            SkipSpace();
            if (_position < _text.Length && _text[_position] == 'L' && (_position + 1 == _text.Length || !IsNameChar(_text[_position + 1])))
            {
                _position++;
            }
            else
            {
                _position = after;
            }
        }

        // Python reads 017, 0_1, 2l and 3j as errors or as other kinds of number (complex), none of them a header's.
        if (_position < _text.Length && (IsNameChar(_text[_position]) || _text[_position] == '.'))
        {
            throw ErrorAt(start, $"'{_text[start..(_position + 1)]}' is not an integer or float literal");
        }

        string digits = match.Value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (match.Groups["float"].Success)
        {
            return double.Parse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }

        int radix = digits.Length > 1 ? char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 10 } : 10;
        if (radix == 10)
        {
            // Python refuses to convert a decimal integer of more digits (sys.int_info.default_max_str_digits), which
            // also keeps a megabyte of digits from a slow conversion here.
            if (digits.Length > MaxDecimalDigits)
            {
                throw ErrorAt(start, $"an integer of {digits.Length} digits exceeds Python's limit of {MaxDecimalDigits}");
            }

            return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        BigInteger value = BigInteger.Zero;
        foreach (char digit in digits.AsSpan(2))
        {
            value = (value * radix) + int.Parse([digit], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return value;
    }

    // Python's own number tokens (the tokenize module's Floatnumber and Intnumber), underscores between digits allowed.
    [GeneratedRegex(
        @"\G(?:(?<float>(?:[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?|\.[0-9](?:_?[0-9])*)(?:[eE][-+]?[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*[eE][-+]?[0-9](?:_?[0-9])*)" +
        @"|0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?0)*|[1-9](?:_?[0-9])*)")]
    private static partial Regex NumberPattern();

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c is ' ' or '\t' or '\f' or '\n' or '\r')
            {
                _position++;
            }
            else if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] is '\n' or '\r')
            {
                _position += 2;
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] is not ('\n' or '\r'))
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool TryConsume(char expected)
    {
        SkipSpace();
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error(_position == _text.Length ? $"the text ends where '{expected}' should be" : $"'{expected}' should be here, not '{_text[_position]}'");
        }
    }

    private FormatException Error(string problem) => ErrorAt(_position, problem);

    private static FormatException ErrorAt(int position, string problem) => new($"at character {position}, {problem}");

    /// <summary>A Python tuple.</summary>
    public sealed record Tuple(IReadOnlyList<object> Items);

    /// <summary>A Python set display.</summary>
    public sealed record Set(IReadOnlyList<object> Items);

    /// <summary>A Python dict, its keys in first-seen order, each with the last value given for it.</summary>
    public sealed record Dict(IReadOnlyList<KeyValuePair<object, object>> Entries);

    private sealed class NoneValue;
}
