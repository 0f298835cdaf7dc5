using ContactCenter.PbxSimulator.Ami;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Channels;

/// <summary>Why a channel exists: it called in, or the PBX dialed it (Dial, Queue, Originate, ARI).</summary>
internal enum ChannelDirection
{
    Inbound,
    Outbound,
}

/// <summary>
/// One simulated channel with everything AMI and ARI show about it. Any change to what the channel
/// snapshot shows goes through a setter that drops the cached AMI block, so the common case (many events
/// about an unchanged channel) reuses the encoded bytes.
/// </summary>
internal sealed class SimChannel
{
    private ChannelState _state;
    private string _callerNum = string.Empty;
    private string _callerName = string.Empty;
    private string _connectedNum = string.Empty;
    private string _connectedName = string.Empty;
    private string _context = string.Empty;
    private string _exten = string.Empty;
    private int _priority = 1;
    private byte[]? _block;
    private byte[]? _destBlock;

    public SimChannel(string name, string uniqueid, string linkedid, Endpoint endpoint, ChannelDirection direction, DateTimeOffset created)
    {
        Name = name;
        Uniqueid = uniqueid;
        Linkedid = linkedid;
        Endpoint = endpoint;
        Direction = direction;
        Created = created;
    }

    public string Name { get; }

    public string Uniqueid { get; }

    public string Linkedid { get; }

    public Endpoint Endpoint { get; }

    public ChannelDirection Direction { get; }

    public DateTimeOffset Created { get; }

    public string Language { get; } = "en";

    public string AccountCode { get; } = string.Empty;

    /// <summary>SIP Call-ID (ARI <c>protocol_id</c>).</summary>
    public string ProtocolId { get; init; } = string.Empty;

    /// <summary>The number dialed to reach a customer on the trunk (<c>PJSIP/+54…@trunk</c>), else null.</summary>
    public string? RemoteNumber { get; init; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public ChannelState State { get => _state; set => Set(ref _state, value); }

    public string CallerNum { get => _callerNum; set => Set(ref _callerNum, value); }

    public string CallerName { get => _callerName; set => Set(ref _callerName, value); }

    public string ConnectedNum { get => _connectedNum; set => Set(ref _connectedNum, value); }

    public string ConnectedName { get => _connectedName; set => Set(ref _connectedName, value); }

    public string Context { get => _context; set => Set(ref _context, value); }

    public string Exten { get => _exten; set => Set(ref _exten, value); }

    public int Priority { get => _priority; set => Set(ref _priority, value); }

    /// <summary>The application running now (CoreShowChannels, ARI dialplan.app_name).</summary>
    public string Application { get; set; } = string.Empty;

    public string ApplicationData { get; set; } = string.Empty;

    public SimBridge? Bridge { get; set; }

    /// <summary>Media flowed (the channel was answered): RTP statistics are set as variables at hangup.</summary>
    public bool HadMedia { get; set; }

    public bool IsGone { get; set; }

    /// <summary>Set once teardown started, so a second hangup request is ignored.</summary>
    public bool HangingUp { get; set; }

    public int HangupCause { get; set; }

    /// <summary>Set when AMI Hangup or ARI DELETE asked for the hangup (a soft hangup), with the cause to hang up with.</summary>
    public int? LocalHangupCause { get; set; }

    /// <summary>Created by ARI (POST /channels): only those get ChannelDestroyed in the application.</summary>
    public bool CreatedByAri { get; set; }

    /// <summary>The Stasis application an ARI-created channel belongs to (for ChannelDestroyed after it left Stasis).</summary>
    public string? AriApp { get; set; }

    /// <summary>What the scenario scripted for this inbound call (talk time once connected, patience before abandoning).</summary>
    public InboundScript? Script { get; set; }

    /// <summary>The dialplan run of this channel, when it executes dialplan.</summary>
    public PbxRun? Pbx { get; set; }

    /// <summary>The Stasis application holding the channel, or null.</summary>
    public StasisSession? Stasis { get; set; }

    /// <summary>Called when a remote hangup or redirect interrupts the application that suspended the dialplan.</summary>
    public IChannelActivity? Activity { get; set; }

    /// <summary>Timers owned by this channel (behaviours), cancelled when it goes away.</summary>
    public List<SimTimer> Timers { get; } = [];

    public bool IsUp => _state == ChannelState.Up;

    /// <summary>When the channel was answered (CDR answer time), null if never.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The channel block (<c>Channel</c> … <c>Linkedid</c>) as encoded lines, cached until something changes.</summary>
    public byte[] AmiBlock(AmiFrameBuilder scratch) => _block ??= Encode(scratch, dest: false);

    /// <summary>The <c>Dest…</c> twin of <see cref="AmiBlock"/>.</summary>
    public byte[] AmiDestBlock(AmiFrameBuilder scratch) => _destBlock ??= Encode(scratch, dest: true);

    private byte[] Encode(AmiFrameBuilder b, bool dest)
    {
        b.Reset();
        if (dest)
        {
            b.Field("DestChannel"u8, Name).Field("DestChannelState"u8, (int)_state).Field("DestChannelStateDesc"u8, ChannelStates.DescribeUtf8(_state))
                .FieldOrUnknown("DestCallerIDNum"u8, _callerNum).FieldOrUnknown("DestCallerIDName"u8, _callerName)
                .FieldOrUnknown("DestConnectedLineNum"u8, _connectedNum).FieldOrUnknown("DestConnectedLineName"u8, _connectedName)
                .Field("DestLanguage"u8, Language).Field("DestAccountCode"u8, AccountCode).Field("DestContext"u8, _context)
                .Field("DestExten"u8, _exten).Field("DestPriority"u8, _priority).Field("DestUniqueid"u8, Uniqueid).Field("DestLinkedid"u8, Linkedid);
        }
        else
        {
            b.Field("Channel"u8, Name).Field("ChannelState"u8, (int)_state).Field("ChannelStateDesc"u8, ChannelStates.DescribeUtf8(_state))
                .FieldOrUnknown("CallerIDNum"u8, _callerNum).FieldOrUnknown("CallerIDName"u8, _callerName)
                .FieldOrUnknown("ConnectedLineNum"u8, _connectedNum).FieldOrUnknown("ConnectedLineName"u8, _connectedName)
                .Field("Language"u8, Language).Field("AccountCode"u8, AccountCode).Field("Context"u8, _context)
                .Field("Exten"u8, _exten).Field("Priority"u8, _priority).Field("Uniqueid"u8, Uniqueid).Field("Linkedid"u8, Linkedid);
        }
        var bytes = b.ToArray();
        b.Reset();
        return bytes;
    }

    private void Set<T>(ref T field, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(field, value))
        {
            field = value;
            _block = null;
            _destBlock = null;
        }
    }

    public override string ToString() => Name;
}

/// <summary>Something a channel is busy doing (an application waiting for a timer, a dial, a queue) that must stop when the channel hangs up or is redirected.</summary>
internal interface IChannelActivity
{
    /// <summary>The channel hung up (or is being redirected): stop, clean up, emit what Asterisk emits.</summary>
    void Interrupt(SimChannel channel, bool hangup);
}
