namespace ContactCenter.PbxSimulator.Ari;

/// <summary>
/// One connected event WebSocket (or an in-process listener in tests): receives the encoded events of the
/// applications it registered. <see cref="Deliver"/> is called under the engine lock and must not block.
/// </summary>
internal sealed class AriSubscriber(IReadOnlyList<string> applications, Action<byte[]> deliver, Action<bool> close)
{
    public IReadOnlyList<string> Applications { get; } = applications;

    public void Deliver(byte[] message) => deliver(message);

    /// <summary>Ends the subscription; <paramref name="abort"/> drops the socket without a close frame.</summary>
    public void Close(bool abort) => close(abort);
}
