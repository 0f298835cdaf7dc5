using System.Globalization;
using ContactCenter.Asterisk.Ari;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Ari;

/// <summary>
/// What the ARI REST resources do to the engine, with ARI's status codes and messages (404 "Channel not
/// found", 409 "Channel not in Stasis application"…). Every method runs under the engine lock.
/// </summary>
internal sealed partial class AriOperations(PbxEngine engine)
{
    private static readonly HashSet<string> HangupReasons = new(StringComparer.Ordinal)
    {
        "normal", "busy", "congestion", "no_answer", "timeout", "rejected", "unallocated", "normal_unspecified", "number_incomplete",
        "codec_mismatch", "interworking", "failure", "answered_elsewhere",
    };

    public AriResult GetChannel(string id) => engine.Run(() =>
        engine.FindChannel(id) is { } ch ? AriResult.Ok(AriModelMapper.Channel(ch)) : AriResult.NotFound("Channel not found"));

    public AriResult ListChannels() => engine.Run(() =>
        AriResult.Ok(engine.LiveChannels.Select(AriModelMapper.Channel).ToArray()));

    public AriResult Answer(string id) => InStasis(id, (ch, _) =>
    {
        engine.AnswerChannel(ch);
        return AriResult.NoContent;
    });

    /// <param name="receivedAt">When the request arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
    public AriResult Play(string id, string? playbackId, string? media, string? lang, long receivedAt) => InStasis(id, (ch, session) =>
    {
        if (string.IsNullOrEmpty(media))
        {
            return AriResult.BadRequest("missing required parameter media");
        }
        var pbId = playbackId ?? engine.NewUuid();
        if (engine.LivePlayback(pbId) is not null)
        {
            return AriResult.Conflict("Playback with the same id already exists");
        }
        var record = engine.StartAriPlayback(ch, session.App, media, pbId, lang ?? ch.Language);
        record.SinceStasisStart = System.Diagnostics.Stopwatch.GetElapsedTime(session.StartSentAt, receivedAt);
        // The answer shows the playback as queued; the PlaybackStarted event already said playing.
        var body = AriModelMapper.Playback(record) with { State = "queued" };
        return new AriResult(201, body, Location: "/ari/playbacks/" + Uri.EscapeDataString(pbId));
    });

    public AriResult Hangup(string id, string? reasonCode, string? reason) => engine.Run(() =>
    {
        if (engine.FindChannel(id) is not { } ch)
        {
            return AriResult.NotFound("Channel not found");
        }
        var cause = HangupCauses.NormalClearing;
        if (reasonCode is not null)
        {
            if (!int.TryParse(reasonCode, NumberStyles.None, CultureInfo.InvariantCulture, out cause))
            {
                return AriResult.BadRequest("Invalid reason_code " + reasonCode);
            }
        }
        else if (reason is not null)
        {
            if (!HangupReasons.Contains(reason))
            {
                return AriResult.BadRequest("Invalid reason for hangup provided");
            }
            cause = ReasonCause(reason);
        }
        engine.RequestHangup(ch, cause);
        return AriResult.NoContent;
    });

    public AriResult Continue(string id, string? context, string? extension, string? priority, string? label) => InStasis(id, (ch, _) =>
    {
        engine.ContinueFromStasis(ch, context, extension, label ?? priority);
        return AriResult.NoContent;
    });

    public AriResult GetVariable(string id, string? variable) => engine.Run(() =>
    {
        if (string.IsNullOrEmpty(variable))
        {
            return AriResult.BadRequest("Variable name is required");
        }
        if (engine.FindChannel(id) is not { } ch)
        {
            return AriResult.NotFound("Channel not found");
        }
        string? value;
        try
        {
            value = variable.Contains('(', StringComparison.Ordinal) ? engine.Expand(ch, "${" + variable + "}") : engine.GetVar(ch, variable);
        }
        catch (InvalidOperationException ex)
        {
            return AriResult.BadRequest(ex.Message);
        }
        return value is null ? AriResult.NotFound("Provided variable was not found") : AriResult.Ok(new AriVariable { Value = value });
    });

    public AriResult SetVariable(string id, string? variable, string? value) => engine.Run(() =>
    {
        if (string.IsNullOrEmpty(variable))
        {
            return AriResult.BadRequest("Variable name is required");
        }
        if (engine.FindChannel(id) is not { } ch)
        {
            return AriResult.NotFound("Channel not found");
        }
        engine.SetVar(ch, variable, value ?? string.Empty);
        return AriResult.NoContent;
    });

    public AriResult GetPlayback(string id) => engine.Run(() =>
        engine.LivePlayback(id) is { } p
            ? AriResult.Ok(AriModelMapper.Playback(p))
            : AriResult.NotFound("Playback not found"));

    public AriResult StopPlayback(string id) => engine.Run(() =>
    {
        var p = engine.LivePlayback(id);
        if (p is null || !p.FromAri)
        {
            return AriResult.NotFound("Playback not found");
        }
        var app = engine.FindChannel(p.ChannelId)?.Stasis?.App;
        if (app is not null)
        {
            engine.StopAriPlayback(p, app);
        }
        return AriResult.NoContent;
    });

    /// <summary>Runs <paramref name="work"/> on a channel that is in Stasis: 404 when unknown, 409 when not in an application.</summary>
    private AriResult InStasis(string id, Func<SimChannel, StasisSession, AriResult> work) => engine.Run(() =>
    {
        if (engine.FindChannel(id) is not { } ch)
        {
            return AriResult.NotFound("Channel not found");
        }
        return ch.Stasis is { } session ? work(ch, session) : AriResult.Conflict("Channel not in Stasis application");
    });

    private static int ReasonCause(string reason) => reason switch
    {
        "busy" => HangupCauses.UserBusy,
        "congestion" => HangupCauses.Congestion,
        "no_answer" or "timeout" => HangupCauses.NoAnswer,
        "rejected" => HangupCauses.CallRejected,
        "unallocated" => 1,
        "normal_unspecified" => HangupCauses.NormalUnspecified,
        "answered_elsewhere" => HangupCauses.AnsweredElsewhere,
        _ => HangupCauses.NormalClearing,
    };
}
