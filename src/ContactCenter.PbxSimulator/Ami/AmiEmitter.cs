using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Ami;

/// <summary>
/// Encodes AMI events with Asterisk 22's field names and order and appends them to the <see cref="EventLog"/>.
/// Called only under the engine lock. With <c>timestampevents</c> on, every event gets
/// <c>Timestamp: sec.usec</c> right after <c>Privilege</c> (list items and responses never do).
/// </summary>
internal sealed partial class AmiEmitter(EventLog log, SimClock clock, bool timestampEvents)
{
    private readonly AmiFrameBuilder _frame = new();
    private readonly AmiFrameBuilder _blocks = new();

    public EventLog Log { get; } = log;

    /// <summary>Encodes the channel block without disturbing a frame under construction.</summary>
    public byte[] Block(SimChannel channel) => channel.AmiBlock(_blocks);

    public byte[] DestBlock(SimChannel channel) => channel.AmiDestBlock(_blocks);

    public void Newchannel(SimChannel ch) => Simple("Newchannel"u8, EventClass.Call, ch);

    public void Newstate(SimChannel ch) => Simple("Newstate"u8, EventClass.Call, ch);

    public void NewConnectedLine(SimChannel ch) => Simple("NewConnectedLine"u8, EventClass.Call, ch);

    public void NewCallerid(SimChannel ch) =>
        Commit(Start("NewCallerid"u8, EventClass.Call).Raw(Block(ch)).Field("CID-CallingPres"u8, "0 (Presentation Allowed, Not Screened)"u8), EventClass.Call);

    public void HangupRequest(SimChannel ch, int? cause) => WithCause("HangupRequest"u8, ch, cause);

    public void SoftHangupRequest(SimChannel ch, int? cause) => WithCause("SoftHangupRequest"u8, ch, cause);

    public void Hangup(SimChannel ch, int cause) =>
        Commit(Start("Hangup"u8, EventClass.Call).Raw(Block(ch)).Field("Cause"u8, cause).Field("Cause-txt"u8, HangupCauses.Text(cause)), EventClass.Call);

    public void Newexten(SimChannel ch, string extension, string app, string data) =>
        Commit(Start("Newexten"u8, EventClass.Dialplan).Raw(Block(ch)).Field("Extension"u8, extension).Field("Application"u8, app).Field("AppData"u8, data), EventClass.Dialplan);

    public void VarSet(SimChannel ch, string variable, string value) =>
        Commit(Start("VarSet"u8, EventClass.Dialplan).Raw(Block(ch)).Field("Variable"u8, variable).Field("Value"u8, value), EventClass.Dialplan);

    public void MixMonitorStart(SimChannel ch) => Simple("MixMonitorStart"u8, EventClass.Call, ch);

    public void MixMonitorStop(SimChannel ch) => Simple("MixMonitorStop"u8, EventClass.Call, ch);

    public void MusicOnHoldStart(SimChannel ch, string musicClass) =>
        Commit(Start("MusicOnHoldStart"u8, EventClass.Call).Raw(Block(ch)).Field("Class"u8, musicClass), EventClass.Call);

    public void MusicOnHoldStop(SimChannel ch) => Simple("MusicOnHoldStop"u8, EventClass.Call, ch);

    public void DeviceStateChange(string device, string state) =>
        Commit(Start("DeviceStateChange"u8, EventClass.Call).Field("Device"u8, device).Field("State"u8, state), EventClass.Call);

    public void UserEvent(SimChannel ch, string name, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var b = Start("UserEvent"u8, EventClass.User).Raw(Block(ch)).Field("UserEvent"u8, name);
        foreach (var (key, value) in fields)
        {
            b.Field(System.Text.Encoding.UTF8.GetBytes(key), value);
        }
        Commit(b, EventClass.User);
    }

    /// <summary><c>DialBegin</c>; <paramref name="destBlock"/> is captured by the caller because Asterisk publishes it before the connected line changes.</summary>
    public void DialBegin(SimChannel? caller, byte[] destBlock, string dialString)
    {
        var b = Start("DialBegin"u8, EventClass.Call);
        if (caller is not null)
        {
            b.Raw(Block(caller));
        }
        Commit(b.Raw(destBlock).Field("DialString"u8, dialString), EventClass.Call);
    }

    public void DialState(SimChannel? caller, SimChannel dest, string status) => Dial("DialState"u8, caller, dest, status);

    public void DialEnd(SimChannel? caller, SimChannel dest, string status) => Dial("DialEnd"u8, caller, dest, status);

    public void BridgeCreate(SimBridge bridge) => BridgeOnly("BridgeCreate"u8, bridge);

    public void BridgeDestroy(SimBridge bridge) => BridgeOnly("BridgeDestroy"u8, bridge);

    public void BridgeEnter(SimBridge bridge, SimChannel ch) => BridgeWith("BridgeEnter"u8, bridge, ch);

    public void BridgeLeave(SimBridge bridge, SimChannel ch) => BridgeWith("BridgeLeave"u8, bridge, ch);

    private void Dial(ReadOnlySpan<byte> name, SimChannel? caller, SimChannel dest, string status)
    {
        var b = Start(name, EventClass.Call);
        if (caller is not null)
        {
            b.Raw(Block(caller));
        }
        Commit(b.Raw(DestBlock(dest)).Field("DialStatus"u8, status), EventClass.Call);
    }

    private void BridgeOnly(ReadOnlySpan<byte> name, SimBridge bridge)
    {
        var b = Start(name, EventClass.Call);
        bridge.WriteAmiBlock(b);
        Commit(b, EventClass.Call);
    }

    private void BridgeWith(ReadOnlySpan<byte> name, SimBridge bridge, SimChannel ch)
    {
        var b = Start(name, EventClass.Call);
        bridge.WriteAmiBlock(b);
        Commit(b.Raw(Block(ch)), EventClass.Call);
    }

    private void WithCause(ReadOnlySpan<byte> name, SimChannel ch, int? cause)
    {
        var b = Start(name, EventClass.Call).Raw(Block(ch));
        if (cause is { } c)
        {
            b.Field("Cause"u8, c);
        }
        Commit(b, EventClass.Call);
    }

    private void Simple(ReadOnlySpan<byte> name, EventClass cls, SimChannel ch) => Commit(Start(name, cls).Raw(Block(ch)), cls);

    private AmiFrameBuilder Start(ReadOnlySpan<byte> name, EventClass cls) => _frame.Event(name, cls, timestampEvents ? clock.Now : null);

    private void Commit(AmiFrameBuilder b, EventClass cls) => Log.Append(b.End(), cls, target: 0);
}
