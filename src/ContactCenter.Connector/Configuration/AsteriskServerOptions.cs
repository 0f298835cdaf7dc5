using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Connector.Configuration;

/// <summary>One Asterisk server the connector owns (<c>Asterisk:Servers:N</c>).</summary>
public sealed class AsteriskServerOptions
{
    /// <summary>The name every event carries and commands address, e.g. <c>pbx1</c>. Letters, digits, '-' and '_'.</summary>
    public string Name { get; set; } = string.Empty;

    public AmiClientOptions Ami { get; set; } = new();

    /// <summary>ARI settings; without them feature codes only work through the AMI UserEvent fallback.</summary>
    public AriClientOptions? Ari { get; set; }
}
