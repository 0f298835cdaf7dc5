namespace ContactCenter.Agents.FeatureCodes;

/// <summary>
/// Reads the codes agents dial: <c>**1&lt;agent&gt;</c> login, <c>**2&lt;pause code&gt;</c> pause, <c>**3</c> unpause,
/// <c>**0</c> logout (and the same behind <c>**9</c> for the AMI-only fallback of asterisk-config). The dialplan
/// routes every <c>**1…</c> and <c>**2…</c> here on purpose, so malformed codes are refused with a reason the
/// agent hears and a supervisor can read, instead of being dropped by Asterisk.
/// </summary>
internal static class FeatureCodeParser
{
    public const int MaxAgentNumberDigits = 10;
    public const int MaxPauseCodeDigits = 4;

    public static FeatureCodeRequest Parse(string dialled, string prefix = "**")
    {
        if (string.IsNullOrEmpty(dialled) || !dialled.StartsWith(prefix, StringComparison.Ordinal))
        {
            return FeatureCodeRequest.Malformed($"'{dialled}' does not start with {prefix}");
        }
        var rest = dialled.AsSpan(prefix.Length);
        if (rest.Length > 1 && rest[0] == '9')
        {
            // **91210 (AMI-only fallback) means **1210.
            rest = rest[1..];
        }
        if (rest.IsEmpty)
        {
            return FeatureCodeRequest.Malformed("no action digit after the prefix");
        }
        var argument = rest[1..].ToString();
        return rest[0] switch
        {
            '1' => Numbered(FeatureCodeAction.Login, argument, "agent number", MaxAgentNumberDigits),
            '2' => Numbered(FeatureCodeAction.Pause, argument, "pause code", MaxPauseCodeDigits),
            '3' => argument.Length == 0 ? new FeatureCodeRequest(FeatureCodeAction.Unpause, string.Empty) : FeatureCodeRequest.Malformed($"**3 takes no digits, got '{argument}'"),
            '0' => argument.Length == 0 ? new FeatureCodeRequest(FeatureCodeAction.Logout, string.Empty) : FeatureCodeRequest.Malformed($"**0 takes no digits, got '{argument}'"),
            _ => FeatureCodeRequest.Malformed($"unknown action '{rest[0]}'"),
        };
    }

    private static FeatureCodeRequest Numbered(FeatureCodeAction action, string digits, string what, int maxDigits)
    {
        if (digits.Length == 0)
        {
            return FeatureCodeRequest.Malformed($"no {what}");
        }
        if (!digits.All(char.IsAsciiDigit))
        {
            return FeatureCodeRequest.Malformed($"{what} '{digits}' has characters other than digits");
        }
        if (digits.Length > maxDigits)
        {
            return FeatureCodeRequest.Malformed($"{what} '{digits}' is longer than {maxDigits} digits");
        }
        return new FeatureCodeRequest(action, digits);
    }
}
