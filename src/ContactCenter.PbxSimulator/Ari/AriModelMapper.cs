using ContactCenter.Asterisk.Ari;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Ari;

/// <summary>Turns simulator objects into the ARI models of the client library (the same JSON contract both ways).</summary>
internal static class AriModelMapper
{
    public static AriChannel Channel(SimChannel ch) => new()
    {
        Id = ch.Uniqueid,
        Name = ch.Name,
        State = ChannelStates.Describe(ch.State),
        ProtocolId = ch.ProtocolId,
        Caller = new AriCallerId { Name = ch.CallerName, Number = ch.CallerNum },
        Connected = new AriCallerId { Name = ch.ConnectedName, Number = ch.ConnectedNum },
        AccountCode = ch.AccountCode,
        Dialplan = new AriDialplanLocation
        {
            Context = ch.Context,
            Exten = ch.Exten,
            Priority = ch.Priority,
            AppName = ch.Application,
            AppData = ch.ApplicationData,
        },
        CreationTime = ch.Created,
        Language = ch.Language,
    };

    public static AriPlayback Playback(PlaybackRecord p) => new()
    {
        Id = p.Id,
        MediaUri = p.MediaUri,
        TargetUri = "channel:" + p.ChannelId,
        Language = p.Language,
        State = p.State,
    };

    public static AriBridge Bridge(SimBridge b) => new()
    {
        Id = b.Id,
        Technology = b.Technology,
        BridgeType = b.BridgeType,
        BridgeClass = b.BridgeClass,
        Creator = b.Creator,
        Name = b.Name,
        Channels = b.Channels.Select(c => c.Uniqueid).ToArray(),
        CreationTime = b.Created,
        VideoMode = "none",
    };
}
