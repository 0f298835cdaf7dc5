using ContactCenter.Asterisk.Ami.Events;

namespace ContactCenter.Connector.Calls;

/// <summary>One live channel of a tracked call.</summary>
internal sealed class TrackedChannel
{
    public TrackedChannel(AmiChannel channel, bool isTrunk, bool isFeatureCode)
    {
        IsFeatureCode = isFeatureCode;
        Uniqueid = channel.Uniqueid;
        Name = channel.Name;
        Device = channel.Device;
        Linkedid = channel.Linkedid;
        IsTrunk = isTrunk;
    }

    public string Uniqueid { get; }

    public string Name { get; }

    /// <summary><c>PJSIP/6001</c> for <c>PJSIP/6001-00000005</c>.</summary>
    public string Device { get; }

    public string Linkedid { get; set; }

    /// <summary>A channel of a feature-code call (an agent dialling <c>**…</c>), not of a call with anyone.</summary>
    public bool IsFeatureCode { get; }

    /// <summary>A channel on the carrier trunk: the customer's side.</summary>
    public bool IsTrunk { get; }

    /// <summary>The queue member interface this channel rings, when it is a queue's outgoing leg.</summary>
    public string? MemberInterface { get; set; }

    /// <summary>The bridge the channel is in, if any.</summary>
    public string? BridgeId { get; set; }

    /// <summary>The file named by the last <c>VarSet MIXMONITOR_FILENAME</c>, waiting for <c>MixMonitorStart</c>.</summary>
    public string? PendingRecordingFile { get; set; }

    /// <summary>The recording in progress on this channel.</summary>
    public (string File, DateTimeOffset StartedAt)? Recording { get; set; }
}
