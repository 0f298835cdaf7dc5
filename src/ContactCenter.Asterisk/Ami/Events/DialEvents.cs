namespace ContactCenter.Asterisk.Ami.Events;

/// <summary><c>DialBegin</c>. <see cref="Caller"/> is null when Asterisk dials on its own (Originate).</summary>
public sealed record DialBeginEvent(AmiChannel? Caller, AmiChannel Destination, string DialString) : AmiEvent;

/// <summary><c>DialEnd</c> with <c>DialStatus</c> (ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL…).</summary>
public sealed record DialEndEvent(AmiChannel? Caller, AmiChannel Destination, string DialStatus) : AmiEvent;

/// <summary><c>BridgeEnter</c> / <c>BridgeLeave</c>.</summary>
public sealed record BridgeEvent(AmiChannel Channel, string BridgeUniqueid, int BridgeNumChannels, bool Entered) : AmiEvent;

/// <summary><c>BlindTransfer</c>: the transferer sent the call to <see cref="Extension"/>@<see cref="Context"/>.</summary>
public sealed record BlindTransferEvent(AmiChannel? Transferer, AmiChannel? Transferee, string Extension, string Context, string Result) : AmiEvent;

/// <summary><c>AttendedTransfer</c>: the transferer joined two calls.</summary>
public sealed record AttendedTransferEvent(AmiChannel? OriginalTransferer, AmiChannel? SecondTransferer, AmiChannel? Transferee, AmiChannel? TransferTarget, string DestType, string Result) : AmiEvent;

/// <summary><c>OriginateResponse</c> of an <c>Async</c> Originate (carries the action's ActionID).</summary>
public sealed record OriginateResponseEvent(
    string ActionId,
    bool Success,
    string Channel,
    string Context,
    string Exten,
    int Reason,
    string Uniqueid,
    string CallerIdNum,
    string CallerIdName) : AmiEvent;
