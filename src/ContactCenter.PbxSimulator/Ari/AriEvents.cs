using System.Buffers;
using System.Text.Json;
using ContactCenter.Asterisk.Ari;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Ari;

/// <summary>
/// The Stasis side of the engine: which applications are connected, and the ARI events for them, encoded
/// once under the engine lock with Asterisk's field order (<c>type</c>, <c>timestamp</c>, event fields,
/// <c>asterisk_id</c>, <c>application</c>). Nested objects use the client library's source-generated models.
/// </summary>
internal sealed class AriEvents(SimClock clock, string asteriskId)
{
    private readonly List<AriSubscriber> _subscribers = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);

    /// <summary>Applications with at least one live subscriber, in registration order.</summary>
    public IReadOnlyList<string> Applications => _subscribers.SelectMany(s => s.Applications).Distinct(StringComparer.Ordinal).ToArray();

    public bool IsRegistered(string app) => _subscribers.Any(s => s.Applications.Contains(app, StringComparer.Ordinal));

    public void Add(AriSubscriber subscriber) => _subscribers.Add(subscriber);

    public void Remove(AriSubscriber subscriber) => _subscribers.Remove(subscriber);

    /// <summary>Closes every subscriber (restart, fault); <paramref name="abort"/> means no close frame.</summary>
    public void CloseAll(bool abort)
    {
        foreach (var s in _subscribers.ToArray())
        {
            s.Close(abort);
        }
        _subscribers.Clear();
    }

    public int SubscriberCount => _subscribers.Count;

    public void StasisStart(string app, SimChannel ch, IReadOnlyList<string> args) => Send(app, "StasisStart", w =>
    {
        w.WriteStartArray("args");
        foreach (var a in args)
        {
            w.WriteStringValue(a);
        }
        w.WriteEndArray();
        Channel(w, ch);
    });

    public void StasisEnd(string app, SimChannel ch) => Send(app, "StasisEnd", w => Channel(w, ch));

    public void ChannelStateChange(string app, SimChannel ch) => Send(app, "ChannelStateChange", w => Channel(w, ch));

    public void ChannelDestroyed(string app, SimChannel ch, int cause) => Send(app, "ChannelDestroyed", w =>
    {
        w.WriteNumber("cause", cause);
        w.WriteString("cause_txt", HangupCauses.Text(cause));
        Channel(w, ch);
    });

    public void ChannelHangupRequest(string app, SimChannel ch, int? cause, bool soft) => Send(app, "ChannelHangupRequest", w => Channel(w, ch), w =>
    {
        if (cause is { } c)
        {
            w.WriteNumber("cause", c);
        }
        if (soft)
        {
            w.WriteBoolean("soft", true);
        }
    });

    public void ChannelVarset(string app, SimChannel ch, string variable, string value) => Send(app, "ChannelVarset", w => Channel(w, ch), w =>
    {
        w.WriteString("variable", variable);
        w.WriteString("value", value);
    });

    public void PlaybackStarted(string app, PlaybackRecord p) => Send(app, "PlaybackStarted", w => Playback(w, p));

    public void PlaybackFinished(string app, PlaybackRecord p) => Send(app, "PlaybackFinished", w => Playback(w, p));

    /// <summary>
    /// Writes one event. Most events start with <c>type</c> and <c>timestamp</c>; ChannelVarset and
    /// ChannelHangupRequest put their scalars first (<paramref name="prefix"/>), as the traces show.
    /// </summary>
    private void Send(string app, string type, Action<Utf8JsonWriter> body, Action<Utf8JsonWriter>? prefix = null)
    {
        if (!IsRegistered(app))
        {
            return;
        }
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer))
        {
            w.WriteStartObject();
            prefix?.Invoke(w);
            w.WriteString("type", type);
            w.WriteString("timestamp", Timestamp());
            body(w);
            w.WriteString("asterisk_id", asteriskId);
            w.WriteString("application", app);
            w.WriteEndObject();
        }
        var bytes = _buffer.WrittenSpan.ToArray();
        foreach (var s in _subscribers)
        {
            if (s.Applications.Contains(app, StringComparer.Ordinal))
            {
                s.Deliver(bytes);
            }
        }
    }

    private string Timestamp() => AsteriskTimestampConverterAccess.Format(clock.Now);

    private static void Channel(Utf8JsonWriter w, SimChannel ch)
    {
        w.WritePropertyName("channel");
        JsonSerializer.Serialize(w, AriModelMapper.Channel(ch), AriJsonContext.Default.AriChannel);
    }

    private static void Playback(Utf8JsonWriter w, PlaybackRecord p)
    {
        w.WritePropertyName("playback");
        JsonSerializer.Serialize(w, AriModelMapper.Playback(p), AriJsonContext.Default.AriPlayback);
    }
}

/// <summary>Asterisk's timestamp format (<c>2026-11-21T19:23:33.263+0000</c>), shared with the client's converter.</summary>
internal static class AsteriskTimestampConverterAccess
{
    public static string Format(DateTimeOffset t) => AsteriskTimestampConverter.Format(t.ToUniversalTime());
}
