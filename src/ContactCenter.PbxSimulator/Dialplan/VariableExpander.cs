using System.Globalization;
using System.Text;

namespace ContactCenter.PbxSimulator.Dialplan;

/// <summary>
/// Expands <c>${NAME}</c>, <c>${NAME:offset[:length]}</c> and <c>${FUNC(arg)}</c> the way the Asterisk
/// dialplan does, innermost first (<c>${A${B}}</c> works). Unset variables expand to nothing.
/// </summary>
internal static class VariableExpander
{
    public static string Expand(string text, Func<string, string?> variable, Func<string, string, string> function)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }
            sb.Append(text, i, start - i);
            var end = MatchingBrace(text, start + 2);
            if (end < 0)
            {
                // Unbalanced: Asterisk keeps the text as is.
                sb.Append(text, start, text.Length - start);
                break;
            }
            var inner = Expand(text[(start + 2)..end], variable, function);
            sb.Append(Resolve(inner, variable, function));
            i = end + 1;
        }
        return sb.ToString();
    }

    private static string Resolve(string expression, Func<string, string?> variable, Func<string, string, string> function)
    {
        var open = expression.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && expression.EndsWith(')'))
        {
            return function(expression[..open], expression[(open + 1)..^1]);
        }
        var colon = expression.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return variable(expression) ?? string.Empty;
        }
        var value = variable(expression[..colon]) ?? string.Empty;
        var spec = expression[(colon + 1)..].Split(':');
        var offset = int.TryParse(spec[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var o) ? o : 0;
        if (offset < 0)
        {
            offset = Math.Max(0, value.Length + offset);
        }
        offset = Math.Min(offset, value.Length);
        var rest = value[offset..];
        if (spec.Length > 1 && int.TryParse(spec[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length))
        {
            rest = length >= 0 ? rest[..Math.Min(length, rest.Length)] : rest[..Math.Max(0, rest.Length + length)];
        }
        return rest;
    }

    private static int MatchingBrace(string text, int from)
    {
        var depth = 1;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '{' && i > 0 && text[i - 1] == '$')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Splits application arguments on commas, keeping commas inside parentheses and double quotes (as
    /// <c>AST_STANDARD_APP_ARGS</c> does) and removing the quotes.
    /// </summary>
    public static List<string> SplitArgs(string args)
    {
        var result = new List<string>();
        if (args.Length == 0)
        {
            return result;
        }
        var sb = new StringBuilder();
        var depth = 0;
        var quoted = false;
        foreach (var c in args)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }
            if (!quoted)
            {
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    result.Add(sb.ToString());
                    sb.Clear();
                    continue;
                }
            }
            sb.Append(c);
        }
        result.Add(sb.ToString());
        return result;
    }
}
