namespace ContactCenter.Asterisk.Ami.Events;

/// <summary>
/// The channel block Asterisk repeats in channel events (<c>Channel</c>, <c>ChannelState</c>, caller id,
/// dialplan position, <c>Uniqueid</c>, <c>Linkedid</c>), or its <c>Dest…</c> twin.
/// </summary>
public sealed record AmiChannel(
    string Name,
    int State,
    string CallerIdNum,
    string CallerIdName,
    string ConnectedLineNum,
    string ConnectedLineName,
    string Context,
    string Exten,
    int Priority,
    string Uniqueid,
    string Linkedid)
{
    /// <summary>The device part of a channel name: <c>PJSIP/6001-00000005</c> → <c>PJSIP/6001</c>.</summary>
    public string Device
    {
        get
        {
            var dash = Name.LastIndexOf('-');
            return dash > 0 && Name.IndexOf('/', StringComparison.Ordinal) < dash ? Name[..dash] : Name;
        }
    }
}
