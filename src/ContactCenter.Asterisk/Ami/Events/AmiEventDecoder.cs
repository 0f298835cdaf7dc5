using System.Buffers.Text;
using System.Text;

namespace ContactCenter.Asterisk.Ami.Events;

/// <summary>
/// Turns event frames into the typed events the connector acts on. Events it does not know, and
/// <c>VarSet</c>s of variables nobody asked for (most of the stream: RTP statistics, queue variables),
/// return null without allocating.
/// </summary>
public sealed class AmiEventDecoder
{
    private readonly byte[][] _variables;
    private readonly byte[][] _variablePrefixes;

    /// <param name="variables">VarSet variables to decode by exact name; default <c>MIXMONITOR_FILENAME</c>.</param>
    /// <param name="variablePrefixes">VarSet variables to decode by prefix; default <c>CC_</c> (our own variables).</param>
    public AmiEventDecoder(IEnumerable<string>? variables = null, IEnumerable<string>? variablePrefixes = null)
    {
        _variables = (variables ?? ["MIXMONITOR_FILENAME"]).Select(Encoding.ASCII.GetBytes).ToArray();
        _variablePrefixes = (variablePrefixes ?? ["CC_"]).Select(Encoding.ASCII.GetBytes).ToArray();
    }

    /// <summary>Decodes an event frame, or returns null when the connector has no use for it.</summary>
    public AmiEvent? Decode(AmiFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var name = frame.EventName;
        if (name.IsEmpty)
        {
            return null;
        }
        var decoded = DecodeCore(frame, name);
        if (decoded is not null)
        {
            decoded.Sequence = frame.Sequence;
            decoded.ReceivedTimestamp = frame.ReceivedTimestamp;
            decoded.Timestamp = ReadTimestamp(frame);
        }
        return decoded;
    }

    /// <summary>Decodes a <c>QueueMember</c> list item (keys <c>Name</c>/<c>Location</c> instead of <c>MemberName</c>/<c>Interface</c>).</summary>
    public static AmiQueueMember DecodeQueueMemberItem(AmiFrame item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ReadMember(item, "Name"u8, "Location"u8);
    }

    private AmiEvent? DecodeCore(AmiFrame f, ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("VarSet"u8))
        {
            return f.TryGetValue("Variable"u8, out var variable) && IsWanted(variable) && ReadChannel(f, default) is { } ch
                ? new VarSetEvent(ch, Encoding.ASCII.GetString(variable), f.GetString("Value"u8) ?? string.Empty)
                : null;
        }
        if (name.SequenceEqual("Newexten"u8))
        {
            return ReadChannel(f, default) is { } ch ? new NewextenEvent(ch, Str(f, "Application"u8), Str(f, "AppData"u8)) : null;
        }
        if (name.SequenceEqual("Newstate"u8))
        {
            return ReadChannel(f, default) is { } ch ? new NewstateEvent(ch) : null;
        }
        if (name.SequenceEqual("Newchannel"u8))
        {
            return ReadChannel(f, default) is { } ch ? new NewchannelEvent(ch) : null;
        }
        if (name.SequenceEqual("Hangup"u8))
        {
            return ReadChannel(f, default) is { } ch ? new HangupEvent(ch, f.GetInt32("Cause"u8), Str(f, "Cause-txt"u8)) : null;
        }
        if (name.SequenceEqual("HangupRequest"u8) || name.SequenceEqual("SoftHangupRequest"u8))
        {
            var cause = f.TryGetValue("Cause"u8, out _) ? f.GetInt32("Cause"u8) : (int?)null;
            return ReadChannel(f, default) is { } ch ? new HangupRequestEvent(ch, cause, name[0] == (byte)'S') : null;
        }
        if (name.SequenceEqual("DialBegin"u8) || name.SequenceEqual("DialEnd"u8))
        {
            var destination = ReadChannel(f, "Dest"u8);
            if (destination is null)
            {
                return null;
            }
            var caller = ReadChannel(f, default);
            return name.SequenceEqual("DialBegin"u8)
                ? new DialBeginEvent(caller, destination, Str(f, "DialString"u8))
                : new DialEndEvent(caller, destination, Str(f, "DialStatus"u8));
        }
        if (name.SequenceEqual("BridgeEnter"u8) || name.SequenceEqual("BridgeLeave"u8))
        {
            return ReadChannel(f, default) is { } ch
                ? new BridgeEvent(ch, Str(f, "BridgeUniqueid"u8), f.GetInt32("BridgeNumChannels"u8), name.SequenceEqual("BridgeEnter"u8))
                : null;
        }
        return DecodeQueueEvent(f, name) ?? DecodeOtherEvent(f, name);
    }

    private static AmiEvent? DecodeQueueEvent(AmiFrame f, ReadOnlySpan<byte> name)
    {
        if (name.StartsWith("QueueMember"u8))
        {
            QueueMemberEventKind? kind = name[11..] switch
            {
                var s when s.SequenceEqual("Added"u8) => QueueMemberEventKind.Added,
                var s when s.SequenceEqual("Removed"u8) => QueueMemberEventKind.Removed,
                var s when s.SequenceEqual("Pause"u8) => QueueMemberEventKind.Pause,
                var s when s.SequenceEqual("Status"u8) => QueueMemberEventKind.Status,
                var s when s.SequenceEqual("Penalty"u8) => QueueMemberEventKind.Penalty,
                var s when s.SequenceEqual("Ringinuse"u8) => QueueMemberEventKind.Ringinuse,
                var s when s.IsEmpty => QueueMemberEventKind.ListItem,
                _ => null,
            };
            return kind is { } k
                ? new QueueMemberEvent(k, k == QueueMemberEventKind.ListItem ? DecodeQueueMemberItem(f) : ReadMember(f, "MemberName"u8, "Interface"u8))
                : null;
        }
        if (name.SequenceEqual("QueueCallerJoin"u8) || name.SequenceEqual("QueueCallerLeave"u8))
        {
            return ReadChannel(f, default) is { } ch
                ? new QueueCallerEvent(ch, Str(f, "Queue"u8), f.GetInt32("Position"u8), f.GetInt32("Count"u8), name.SequenceEqual("QueueCallerJoin"u8))
                : null;
        }
        if (name.SequenceEqual("QueueCallerAbandon"u8))
        {
            return ReadChannel(f, default) is { } ch
                ? new QueueCallerAbandonEvent(ch, Str(f, "Queue"u8), f.GetInt32("Position"u8), f.GetInt32("OriginalPosition"u8), f.GetInt32("HoldTime"u8))
                : null;
        }
        if (name.StartsWith("Agent"u8))
        {
            AgentEventKind? kind = name[5..] switch
            {
                var s when s.SequenceEqual("Called"u8) => AgentEventKind.Called,
                var s when s.SequenceEqual("RingNoAnswer"u8) => AgentEventKind.RingNoAnswer,
                var s when s.SequenceEqual("Connect"u8) => AgentEventKind.Connect,
                var s when s.SequenceEqual("Complete"u8) => AgentEventKind.Complete,
                var s when s.SequenceEqual("Dump"u8) => AgentEventKind.Dump,
                _ => null,
            };
            return kind is { } k && ReadChannel(f, default) is { } caller
                ? new AgentEvent(k, caller, ReadChannel(f, "Dest"u8), Str(f, "Queue"u8), Str(f, "Interface"u8), Str(f, "MemberName"u8),
                    f.GetInt32("HoldTime"u8), f.GetInt32("RingTime"u8), f.GetInt32("TalkTime"u8), Str(f, "Reason"u8))
                : null;
        }
        if (name.SequenceEqual("QueueParams"u8))
        {
            return new QueueParamsEvent(Str(f, "Queue"u8), Str(f, "Strategy"u8), f.GetInt32("Calls"u8), f.GetInt32("Holdtime"u8),
                f.GetInt32("TalkTime"u8), f.GetInt32("Completed"u8), f.GetInt32("Abandoned"u8));
        }
        if (name.SequenceEqual("QueueEntry"u8))
        {
            return new QueueEntryEvent(Str(f, "Queue"u8), f.GetInt32("Position"u8), Str(f, "Channel"u8), Str(f, "Uniqueid"u8),
                Str(f, "CallerIDNum"u8), f.GetInt32("Wait"u8));
        }
        return null;
    }

    private static AmiEvent? DecodeOtherEvent(AmiFrame f, ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("DeviceStateChange"u8))
        {
            return new DeviceStateChangeEvent(Str(f, "Device"u8), Str(f, "State"u8));
        }
        if (name.SequenceEqual("MixMonitorStart"u8) || name.SequenceEqual("MixMonitorStop"u8))
        {
            return ReadChannel(f, default) is { } ch ? new MixMonitorEvent(ch, name.SequenceEqual("MixMonitorStart"u8)) : null;
        }
        if (name.SequenceEqual("OriginateResponse"u8))
        {
            return new OriginateResponseEvent(Str(f, "ActionID"u8), Ascii.EqualsIgnoreCase(f.ResponseStatus, "Success"u8), Str(f, "Channel"u8),
                Str(f, "Context"u8), Str(f, "Exten"u8), f.GetInt32("Reason"u8), Str(f, "Uniqueid"u8), Str(f, "CallerIDNum"u8), Str(f, "CallerIDName"u8));
        }
        if (name.SequenceEqual("CoreShowChannel"u8))
        {
            return ReadChannel(f, default) is { } ch
                ? new CoreShowChannelEvent(ch, Str(f, "Application"u8), Str(f, "ApplicationData"u8), Str(f, "Duration"u8), Str(f, "BridgeId"u8))
                : null;
        }
        if (name.SequenceEqual("UserEvent"u8))
        {
            return new UserEventEvent(ReadChannel(f, default), Str(f, "UserEvent"u8), ExtraHeaders(f));
        }
        if (name.SequenceEqual("FullyBooted"u8))
        {
            return new FullyBootedEvent(f.GetInt64("Uptime"u8), f.GetInt64("LastReload"u8));
        }
        if (name.SequenceEqual("Shutdown"u8))
        {
            return new ShutdownEvent(Str(f, "Shutdown"u8), f.GetBoolean("Restart"u8));
        }
        if (name.SequenceEqual("BlindTransfer"u8))
        {
            return new BlindTransferEvent(ReadChannel(f, "Transferer"u8), ReadChannel(f, "Transferee"u8), Str(f, "Extension"u8), Str(f, "Context"u8), Str(f, "Result"u8));
        }
        if (name.SequenceEqual("AttendedTransfer"u8))
        {
            return new AttendedTransferEvent(ReadChannel(f, "OrigTransferer"u8), ReadChannel(f, "SecondTransferer"u8), ReadChannel(f, "Transferee"u8),
                ReadChannel(f, "TransferTarget"u8), Str(f, "DestType"u8), Str(f, "Result"u8));
        }
        return null;
    }

    private bool IsWanted(ReadOnlySpan<byte> variable)
    {
        foreach (var exact in _variables)
        {
            if (variable.SequenceEqual(exact))
            {
                return true;
            }
        }
        foreach (var prefix in _variablePrefixes)
        {
            if (variable.StartsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads the channel block in one pass over the fields; null when the frame has no such channel.</summary>
    private static AmiChannel? ReadChannel(AmiFrame f, ReadOnlySpan<byte> prefix)
    {
        string? channel = null;
        string cidNum = string.Empty, cidName = string.Empty, colNum = string.Empty, colName = string.Empty;
        string context = string.Empty, exten = string.Empty, uniqueid = string.Empty, linkedid = string.Empty;
        int state = 0, priority = 0;
        for (var i = 0; i < f.FieldCount; i++)
        {
            var key = f.KeyAt(i);
            if (key.Length <= prefix.Length || !Ascii.EqualsIgnoreCase(key[..prefix.Length], prefix))
            {
                continue;
            }
            var k = key[prefix.Length..];
            var v = f.ValueAt(i);
            if (Ascii.EqualsIgnoreCase(k, "Channel"u8)) { channel = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "ChannelState"u8)) { state = Int(v); }
            else if (Ascii.EqualsIgnoreCase(k, "CallerIDNum"u8)) { cidNum = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "CallerIDName"u8)) { cidName = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "ConnectedLineNum"u8)) { colNum = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "ConnectedLineName"u8)) { colName = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "Context"u8)) { context = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "Exten"u8)) { exten = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "Priority"u8)) { priority = Int(v); }
            else if (Ascii.EqualsIgnoreCase(k, "Uniqueid"u8)) { uniqueid = AmiFrame.Decode(v); }
            else if (Ascii.EqualsIgnoreCase(k, "Linkedid"u8)) { linkedid = AmiFrame.Decode(v); }
        }
        return channel is null || uniqueid.Length == 0
            ? null
            : new AmiChannel(channel, state, cidNum, cidName, colNum, colName, context, exten, priority, uniqueid, linkedid);
    }

    private static AmiQueueMember ReadMember(AmiFrame f, ReadOnlySpan<byte> nameKey, ReadOnlySpan<byte> interfaceKey) =>
        new(Str(f, "Queue"u8), Str(f, nameKey), Str(f, interfaceKey), Str(f, "StateInterface"u8), Str(f, "Membership"u8),
            f.GetInt32("Penalty"u8), f.GetInt32("CallsTaken"u8), f.GetInt64("LastCall"u8), f.GetInt64("LastPause"u8), f.GetInt64("LoginTime"u8),
            f.GetBoolean("InCall"u8), f.GetInt32("Status"u8), f.GetBoolean("Paused"u8), Str(f, "PausedReason"u8), f.GetInt32("Wrapuptime"u8));

    private static IReadOnlyDictionary<string, string> ExtraHeaders(AmiFrame f)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < f.FieldCount; i++)
        {
            headers.TryAdd(AmiFrame.Decode(f.KeyAt(i)), AmiFrame.Decode(f.ValueAt(i)));
        }
        return headers;
    }

    /// <summary>Parses <c>Timestamp: 1795289065.123456</c> (seconds.microseconds since the epoch).</summary>
    private static DateTimeOffset? ReadTimestamp(AmiFrame f)
    {
        if (!f.TryGetValue("Timestamp"u8, out var value))
        {
            return null;
        }
        var dot = value.IndexOf((byte)'.');
        var secondsPart = dot < 0 ? value : value[..dot];
        if (!Utf8Parser.TryParse(secondsPart, out long seconds, out var used) || used != secondsPart.Length)
        {
            return null;
        }
        long micros = 0;
        if (dot >= 0)
        {
            var fraction = value[(dot + 1)..];
            if (fraction.Length > 6)
            {
                fraction = fraction[..6];
            }
            if (!Utf8Parser.TryParse(fraction, out micros, out used) || used != fraction.Length)
            {
                return null;
            }
            for (var i = fraction.Length; i < 6; i++)
            {
                micros *= 10;
            }
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10);
    }

    private static int Int(ReadOnlySpan<byte> value) => Utf8Parser.TryParse(value, out int n, out _) ? n : 0;

    private static string Str(AmiFrame f, ReadOnlySpan<byte> key) => f.GetString(key) ?? string.Empty;
}
