using ContactCenter.PbxSimulator.Ami;

namespace ContactCenter.PbxSimulator.Channels;

/// <summary>
/// A bridge: the basic two-party bridge Dial and Queue create, or a mixing bridge created through ARI.
/// </summary>
internal sealed class SimBridge(string id, DateTimeOffset created)
{
    public string Id { get; } = id;

    public DateTimeOffset Created { get; } = created;

    /// <summary><c>basic</c> (Dial/Queue) or <c>stasis</c> (ARI).</summary>
    public string BridgeClass { get; init; } = "basic";

    /// <summary>ARI <c>bridge_type</c>: <c>mixing</c> or <c>holding</c>.</summary>
    public string BridgeType { get; init; } = "mixing";

    public string Technology { get; set; } = "simple_bridge";

    public string Creator { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public List<SimChannel> Channels { get; } = [];

    /// <summary>Who tears the bridge down when a party leaves (Dial, Queue); null for ARI bridges.</summary>
    public IBridgeOwner? Owner { get; set; }

    public void WriteAmiBlock(AmiFrameBuilder b) =>
        b.Field("BridgeUniqueid"u8, Id)
            .Field("BridgeType"u8, BridgeClass)
            .Field("BridgeTechnology"u8, Technology)
            .FieldOrUnknown("BridgeCreator"u8, Creator)
            .FieldOrUnknown("BridgeName"u8, Name)
            .Field("BridgeNumChannels"u8, Channels.Count)
            .Field("BridgeVideoSourceMode"u8, "none"u8);
}

/// <summary>The application that created a bridge and decides what happens when one party hangs up.</summary>
internal interface IBridgeOwner
{
    void OnPartyHangup(SimBridge bridge, SimChannel party);
}
