namespace ContactCenter.PbxSimulator.Config;

/// <summary>A PJSIP endpoint the simulator knows: its name (PJSIP/&lt;name&gt;), caller id and dialplan context.</summary>
internal sealed record EndpointDefinition(string Name, string CallerIdName, string CallerIdNum, string Context);

/// <summary>Reads the <c>type = endpoint</c> sections of a pjsip.conf (templates applied); other object types are ignored.</summary>
internal static class PjsipConfParser
{
    public static List<EndpointDefinition> Parse(string text, string source)
    {
        var endpoints = new List<EndpointDefinition>();
        foreach (var section in ConfFile.Parse(text, source))
        {
            if (section.IsTemplate || !string.Equals(section.Get("type"), "endpoint", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var (name, number) = ParseCallerId(section.Get("callerid"), section.Name);
            endpoints.Add(new EndpointDefinition(section.Name, name, number, section.Get("context") ?? "default"));
        }
        return endpoints;
    }

    /// <summary>Parses <c>"Agent 6001" &lt;6001&gt;</c> (or a bare number) into name and number.</summary>
    public static (string Name, string Number) ParseCallerId(string? callerId, string fallbackNumber)
    {
        if (string.IsNullOrWhiteSpace(callerId))
        {
            return (string.Empty, fallbackNumber);
        }
        var lt = callerId.IndexOf('<', StringComparison.Ordinal);
        var gt = callerId.IndexOf('>', StringComparison.Ordinal);
        if (lt >= 0 && gt > lt)
        {
            var name = callerId[..lt].Trim().Trim('"');
            return (name, callerId[(lt + 1)..gt].Trim());
        }
        var bare = callerId.Trim().Trim('"');
        return bare.All(c => char.IsDigit(c) || c is '+' or '*' or '#') ? (string.Empty, bare) : (bare, string.Empty);
    }
}
