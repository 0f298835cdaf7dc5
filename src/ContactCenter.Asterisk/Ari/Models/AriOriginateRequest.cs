namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Parameters of <c>POST /channels</c>. Give either <see cref="Extension"/> (with <see cref="Context"/>
/// and <see cref="Priority"/> or <see cref="Label"/>) to send the answered channel to the dialplan, or
/// <see cref="App"/> to hand it to a Stasis application.
/// </summary>
/// <param name="Endpoint">What to dial, e.g. <c>PJSIP/6002</c>.</param>
public sealed record AriOriginateRequest(string Endpoint)
{
    public string? Extension { get; init; }

    public string? Context { get; init; }

    public long? Priority { get; init; }

    public string? Label { get; init; }

    /// <summary>Stasis application that receives the channel (instead of the dialplan).</summary>
    public string? App { get; init; }

    /// <summary>Arguments of <c>StasisStart</c>, comma separated.</summary>
    public string? AppArgs { get; init; }

    /// <summary>Caller id to present, e.g. <c>"Support" &lt;7000&gt;</c>.</summary>
    public string? CallerId { get; init; }

    /// <summary>How long to ring before giving up; sent as whole seconds (Asterisk's default is 30 s).</summary>
    public TimeSpan? RingTimeout { get; init; }

    /// <summary>Channel variables to set on the new channel (sent in the JSON body).</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>Id to give the new channel, so events can be matched before the call returns.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Id to give the second (local) channel of a Local/ originate.</summary>
    public string? OtherChannelId { get; init; }
}
