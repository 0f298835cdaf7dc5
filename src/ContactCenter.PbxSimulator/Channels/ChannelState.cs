namespace ContactCenter.PbxSimulator.Channels;

/// <summary>Asterisk channel states as AMI numbers them (<c>ChannelState</c>) and names them (<c>ChannelStateDesc</c>, ARI <c>state</c>).</summary>
internal enum ChannelState
{
    Down = 0,
    Reserved = 1,
    OffHook = 2,
    Dialing = 3,
    Ring = 4,
    Ringing = 5,
    Up = 6,
    Busy = 7,
}

internal static class ChannelStates
{
    public static string Describe(ChannelState state) => state switch
    {
        ChannelState.Down => "Down",
        ChannelState.Reserved => "Rsrvd",
        ChannelState.OffHook => "OffHook",
        ChannelState.Dialing => "Dialing",
        ChannelState.Ring => "Ring",
        ChannelState.Ringing => "Ringing",
        ChannelState.Up => "Up",
        ChannelState.Busy => "Busy",
        _ => "Unknown",
    };

    public static ReadOnlySpan<byte> DescribeUtf8(ChannelState state) => state switch
    {
        ChannelState.Down => "Down"u8,
        ChannelState.Ring => "Ring"u8,
        ChannelState.Ringing => "Ringing"u8,
        ChannelState.Up => "Up"u8,
        ChannelState.Busy => "Busy"u8,
        _ => System.Text.Encoding.ASCII.GetBytes(Describe(state)),
    };
}

/// <summary>Q.850 hangup causes the simulator produces, with Asterisk's texts.</summary>
internal static class HangupCauses
{
    public const int Unknown = 0;
    public const int NormalClearing = 16;
    public const int UserBusy = 17;
    public const int NoUserResponse = 18;
    public const int NoAnswer = 19;
    public const int Unregistered = 20;
    public const int CallRejected = 21;
    public const int Congestion = 34;
    public const int AnsweredElsewhere = 26;
    public const int NormalUnspecified = 31;
    public const int ChannelUnacceptable = 32;

    public static string Text(int cause) => cause switch
    {
        0 => "Unknown",
        1 => "Unallocated (unassigned) number",
        3 => "No route to destination",
        16 => "Normal Clearing",
        17 => "User busy",
        18 => "No user responding",
        19 => "User alerting, no answer",
        20 => "Subscriber absent",
        21 => "Call Rejected",
        26 => "Answered elsewhere",
        27 => "Destination out of order",
        31 => "Normal, unspecified",
        32 => "Channel unacceptable",
        34 => "Circuit/channel congestion",
        38 => "Network out of order",
        _ => "Unknown",
    };
}
