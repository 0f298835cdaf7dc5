namespace ContactCenter.PbxSimulator.Dialplan;

/// <summary>
/// An extension name: exact (<c>**3</c>, <c>7000</c>, <c>agent</c>) or a pattern (<c>_**1.</c>, <c>_6XXX</c>,
/// <c>_+X.</c>). Pattern characters as in Asterisk: X = 0-9, Z = 1-9, N = 2-9, [a-c5] = a set, '.' = one or
/// more of anything, '!' = zero or more; '-' is ignored; everything else is literal.
/// </summary>
internal sealed class ExtensionPattern : IComparable<ExtensionPattern>
{
    private const int AnyOneOrMore = 1000;
    private const int AnyZeroOrMore = 1001;

    private readonly Element[] _elements;

    private ExtensionPattern(string text, bool isPattern, Element[] elements)
    {
        Text = text;
        IsPattern = isPattern;
        _elements = elements;
    }

    public string Text { get; }

    public bool IsPattern { get; }

    public static ExtensionPattern Parse(string text)
    {
        if (text.Length > 1 && text[0] == '_')
        {
            return new ExtensionPattern(text, true, ParseElements(text.AsSpan(1), text));
        }
        return new ExtensionPattern(text, false, []);
    }

    public bool Matches(string exten) => IsPattern ? MatchFrom(0, exten, 0) : string.Equals(Text, exten, StringComparison.Ordinal);

    /// <summary>Asterisk's precedence: exact names first, then the pattern whose first differing position matches fewer characters.</summary>
    public int CompareTo(ExtensionPattern? other)
    {
        if (other is null)
        {
            return -1;
        }
        if (IsPattern != other.IsPattern)
        {
            return IsPattern ? 1 : -1;
        }
        if (!IsPattern)
        {
            return string.CompareOrdinal(Text, other.Text);
        }
        var n = Math.Max(_elements.Length, other._elements.Length);
        for (var i = 0; i < n; i++)
        {
            var a = i < _elements.Length ? _elements[i] : default;
            var b = i < other._elements.Length ? other._elements[i] : default;
            var bySize = a.Size.CompareTo(b.Size);
            if (bySize != 0)
            {
                return bySize;
            }
            var byChar = a.First.CompareTo(b.First);
            if (byChar != 0)
            {
                return byChar;
            }
        }
        return 0;
    }

    public override string ToString() => Text;

    private bool MatchFrom(int element, string exten, int position)
    {
        for (var i = element; i < _elements.Length; i++)
        {
            var e = _elements[i];
            if (e.Size == AnyOneOrMore)
            {
                return exten.Length - position >= 1;
            }
            if (e.Size == AnyZeroOrMore)
            {
                return true;
            }
            if (position >= exten.Length || !e.Accepts(exten[position]))
            {
                return false;
            }
            position++;
        }
        return position == exten.Length;
    }

    private static Element[] ParseElements(ReadOnlySpan<char> pattern, string whole)
    {
        var elements = new List<Element>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '-':
                    continue;
                case 'X' or 'x':
                    elements.Add(Element.Range('0', '9'));
                    break;
                case 'Z' or 'z':
                    elements.Add(Element.Range('1', '9'));
                    break;
                case 'N' or 'n':
                    elements.Add(Element.Range('2', '9'));
                    break;
                case '.':
                    elements.Add(new Element(AnyOneOrMore, '\0', null));
                    break;
                case '!':
                    elements.Add(new Element(AnyZeroOrMore, '\0', null));
                    break;
                case '[':
                    var close = pattern[i..].IndexOf(']');
                    if (close < 0)
                    {
                        throw new FormatException($"Extension pattern '{whole}' has '[' without ']'");
                    }
                    elements.Add(Element.Set(pattern.Slice(i + 1, close - 1)));
                    i += close;
                    break;
                default:
                    elements.Add(new Element(1, c, [c]));
                    break;
            }
        }
        return elements.ToArray();
    }

    private readonly record struct Element(int Size, char First, char[]? Chars)
    {
        public bool Accepts(char c) => Chars is not null && Array.IndexOf(Chars, c) >= 0;

        public static Element Range(char from, char to)
        {
            var chars = Enumerable.Range(from, to - from + 1).Select(x => (char)x).ToArray();
            return new Element(chars.Length, from, chars);
        }

        public static Element Set(ReadOnlySpan<char> body)
        {
            var chars = new SortedSet<char>();
            for (var i = 0; i < body.Length; i++)
            {
                if (i + 2 < body.Length && body[i + 1] == '-')
                {
                    for (var c = body[i]; c <= body[i + 2]; c++)
                    {
                        chars.Add(c);
                    }
                    i += 2;
                }
                else
                {
                    chars.Add(body[i]);
                }
            }
            var array = chars.ToArray();
            return new Element(array.Length, array.Length > 0 ? array[0] : '\0', array);
        }
    }
}
