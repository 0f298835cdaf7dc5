namespace ContactCenter.PbxSimulator.Channels;

/// <summary>
/// A PJSIP endpoint: an agent phone (<c>PJSIP/6001</c>) or the carrier trunk (<c>PJSIP/trunk</c>, whose
/// calls are to and from customer numbers). Holds the scripted behaviour for calls reaching it.
/// </summary>
internal sealed class Endpoint(string name, string callerIdName, string callerIdNum, string context, bool isTrunk)
{
    private readonly Dictionary<string, CallBehaviour> _numberBehaviours = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary><c>PJSIP/6001</c>: the device name and queue member interface.</summary>
    public string Device { get; } = "PJSIP/" + name;

    public string CallerIdName { get; } = callerIdName;

    public string CallerIdNum { get; } = callerIdNum;

    /// <summary>The dialplan context calls from this endpoint start in.</summary>
    public string Context { get; } = context;

    public bool IsTrunk { get; } = isTrunk;

    public bool Registered { get; set; } = true;

    /// <summary>Live channels of this endpoint (device state is computed from them).</summary>
    public HashSet<SimChannel> Channels { get; } = [];

    /// <summary>What the phone does with incoming calls (trunk: the default for numbers without their own).</summary>
    public CallBehaviour Incoming { get; set; } = isTrunk ? CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(2)) : CallBehaviour.Manual;

    public CallBehaviour BehaviourFor(string? number) =>
        number is not null && _numberBehaviours.TryGetValue(number, out var behaviour) ? behaviour : Incoming;

    public void SetBehaviour(string number, CallBehaviour behaviour) => _numberBehaviours[number] = behaviour;
}
