using System.Globalization;
using ContactCenter.Agents.FeatureCodes;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Agents.Api;

/// <summary>Collects the fields a request got wrong, so one 400 names all of them.</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="reason"/> for <paramref name="field"/> unless it is null (the value is fine).</summary>
    public RequestErrors Check(string field, string? reason)
    {
        if (reason is not null)
        {
            _errors.TryAdd(field, [reason]);
        }
        return this;
    }

    public ValidationProblem? Problem => _errors.Count == 0 ? null : ApiProblems.Invalid(_errors);
}

/// <summary>
/// The directory's rules, each returning the reason a value is wrong or null when it is fine. They follow what
/// Asterisk and the feature codes accept: an agent number is what <c>**1</c> can dial, a pause code what <c>**2</c> can.
/// </summary>
internal static class AdminRules
{
    public const int MaxNameLength = 200;
    public const int MaxWrapupSeconds = 3600;
    public const int MaxPenalty = 1000;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static string? AgentNumber(string? value) =>
        Digits(value, 1, FeatureCodeParser.MaxAgentNumberDigits) ? null : $"must be 1 to {FeatureCodeParser.MaxAgentNumberDigits} digits";

    public static string? PauseCode(string? value) =>
        Digits(value, 1, FeatureCodeParser.MaxPauseCodeDigits) ? null : $"must be 1 to {FeatureCodeParser.MaxPauseCodeDigits} digits";

    /// <summary>Null keeps the PIN, empty removes it.</summary>
    public static string? Pin(string? value) =>
        string.IsNullOrEmpty(value) || Digits(value, 4, 10) ? null : "must be 4 to 10 digits, or empty to remove the PIN";

    public static string? RequiredText(string? value, int maxLength = MaxNameLength) =>
        string.IsNullOrWhiteSpace(value) ? "is required" : OptionalText(value, maxLength);

    public static string? OptionalText(string? value, int maxLength = MaxNameLength) =>
        value is not null && value.Trim().Length > maxLength ? $"must be at most {maxLength} characters" : null;

    /// <summary>An Asterisk server as the connector names it (<c>Asterisk:Servers:N:Name</c>).</summary>
    public static string? Server(string? value) =>
        value is { Length: > 0 and <= 50 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? null
            : "is required: 1 to 50 letters, digits, '-' or '_', as the connector names the Asterisk server";

    /// <summary>A queue's section name in queues.conf, as AMI's QueueAdd takes it.</summary>
    public static string? QueueName(string? value) =>
        value is { Length: > 0 and <= 80 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : "must be 1 to 80 letters, digits, '-', '_' or '.', the queue's name in queues.conf";

    /// <summary>A channel technology and resource, as Asterisk names a queue member: <c>PJSIP/6001</c>.</summary>
    public static string? Interface(string? value)
    {
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var valid = value is { Length: <= 100 } && slash > 0 && slash < value.Length - 1 && char.IsAsciiLetter(value[0])
            && value[..slash].All(char.IsAsciiLetterOrDigit) && !value.Any(char.IsWhiteSpace);
        return valid ? null : "must look like TECH/resource, e.g. PJSIP/6001 (at most 100 characters, no spaces)";
    }

    public static string? Range(int? value, int min, int max, bool required) => value switch
    {
        null => required ? $"is required: {min} to {max}" : null,
        var v when v < min || v > max => $"must be between {min} and {max}",
        _ => null,
    };

    /// <summary>Reads <c>offset</c> and <c>limit</c> from the query string.</summary>
    public static (int Offset, int Limit) Page(string? offset, string? limit, RequestErrors errors)
    {
        var start = 0;
        var size = DefaultPageSize;
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            errors.Check("offset", "must be a whole number, 0 or more");
        }
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Check("limit", $"must be between 1 and {MaxPageSize}");
        }
        return (start, size);
    }

    private static bool Digits(string? value, int min, int max) =>
        value is not null && value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit);
}
