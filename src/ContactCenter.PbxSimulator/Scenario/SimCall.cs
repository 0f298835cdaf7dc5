using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// A call placed by a phone or a customer (or a call ringing one), seen from the party's side. Cheap
/// handle; every property reads the simulator's state under its lock.
/// </summary>
public sealed class SimCall
{
    private readonly PbxEngine _engine;
    private readonly SimChannel? _channel;

    internal SimCall(PbxEngine engine, SimChannel? channel, string dialed)
    {
        _engine = engine;
        _channel = channel;
        Dialed = dialed;
    }

    /// <summary>What was dialed (the extension), or the number/phone that rings.</summary>
    public string Dialed { get; }

    /// <summary>False when the PBX refused the call outright (no such extension: 404, no channel created).</summary>
    public bool Exists => _channel is not null;

    /// <summary>The channel's Uniqueid (ARI channel id).</summary>
    public string? ChannelId => _channel?.Uniqueid;

    public string? ChannelName => _channel?.Name;

    public string? Linkedid => _channel?.Linkedid;

    public bool IsUp => _engine.Gate.Run(() => _channel is { IsGone: false, State: ChannelState.Up });

    public bool IsGone => _engine.Gate.Run(() => _channel is null || _channel.IsGone);

    /// <summary>The hangup cause once the channel is gone.</summary>
    public int? HangupCause => _engine.Gate.Run(() => _channel is { IsGone: true } ? _channel.HangupCause : (int?)null);

    internal SimChannel? Channel => _channel;

    /// <summary>The party hangs up (a BYE from the phone or the carrier).</summary>
    public void HangUp()
    {
        if (_channel is not null)
        {
            _engine.Run(() => _engine.RemoteHangup(_channel));
        }
    }

    public override string ToString() => _channel?.Name ?? $"(refused call to {Dialed})";
}
