using System.Security.Cryptography;
using System.Text;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.PbxSimulator.Ami;

internal sealed partial class AmiActions
{
    private void Login(AmiSession session, AmiFrame f, string? actionId)
    {
        if (session.IsLoggedIn)
        {
            Success(session, actionId, "Already authenticated");
            return;
        }
        var options = _engine.Options;
        var user = f.Get("Username") ?? string.Empty;
        var secretOk = f.Get("AuthType") is { } authType && authType.Equals("md5", StringComparison.OrdinalIgnoreCase)
            ? session.Challenge is { } challenge && string.Equals(f.Get("Key"), Md5(challenge + options.Secret), StringComparison.OrdinalIgnoreCase)
            : f.Get("Secret") == options.Secret;
        if (user != options.Username || !secretOk)
        {
            // Asterisk answers a wrong login about a second later, then closes the connection.
            SimLog.AmiLogin(_logger, user, session.Id, "refused");
            session.IsClosing = true;
            void Refuse() => Error(session, actionId, "Authentication failed", LogEntryFlags.CloseAfter);
            if (options.FailedLoginDelay > TimeSpan.Zero)
            {
                _engine.Clock.Schedule(options.FailedLoginDelay, Refuse, "failed login answer");
            }
            else
            {
                Refuse();
            }
            return;
        }
        session.Username = user;
        var mask = f.Get("Events") is { } events ? EventClasses.ParseMask(events) : EventClass.All;
        session.EventMask = mask & _userRead;
        Success(session, actionId, "Authentication accepted");
        if ((session.EventMask & EventClass.System) != 0)
        {
            // Written straight after the response (not a queued event): no Timestamp even with timestampevents.
            var uptime = Math.Max(0, (long)(_engine.Clock.Now - _engine.StartedAt).TotalSeconds);
            _b.Reset();
            Send(session, _b.Field("Event"u8, "FullyBooted"u8).Field("Privilege"u8, "system,all"u8).Field("Uptime"u8, uptime)
                .Field("LastReload"u8, uptime).Field("Status"u8, "Fully Booted"u8));
        }
        session.LoggedIn(_engine.Log.NextSequence);
        SimLog.AmiLogin(_logger, user, session.Id, "accepted");
        _engine.Ami.SuccessfulAuth(user, session.SessionId, session.LocalAddress, session.RemoteAddress, session.ConnectedAt);
    }

    private void ChallengeAction(AmiSession session, AmiFrame f, string? actionId)
    {
        if (!string.Equals(f.Get("AuthType"), "MD5", StringComparison.OrdinalIgnoreCase))
        {
            Error(session, actionId, "Must specify AuthType");
            return;
        }
        session.Challenge ??= _engine.Random.Next(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Send(session, _b.Response("Success"u8, actionId).Field("Challenge"u8, session.Challenge));
    }

    private void Logoff(AmiSession session, string? actionId)
    {
        session.IsClosing = true;
        Send(session, _b.Response("Goodbye"u8, actionId).Field("Message"u8, "Thanks for all the fish."u8), LogEntryFlags.CloseAfter);
    }

    private void Ping(AmiSession session, string? actionId) =>
        Send(session, _b.Response("Success"u8, actionId).Field("Ping"u8, "Pong"u8).Timestamp(_engine.Clock.Now));

    private void Events(AmiSession session, AmiFrame f, string? actionId)
    {
        var text = f.Get("EventMask");
        if (text is null)
        {
            Error(session, actionId, "Invalid EventMask");
            return;
        }
        session.EventMask = EventClasses.ParseMask(text) & _userRead;
        Send(session, _b.Response("Success"u8, actionId).Field("Events"u8, session.EventMask != EventClass.None ? "On"u8 : "Off"u8));
    }

    private void CoreSettings(AmiSession session, string? actionId)
    {
        var o = _engine.Options;
        Send(session, _b.Response("Success"u8, actionId).Field("AMIversion"u8, "11.0.0"u8).Field("AsteriskVersion"u8, o.AsteriskVersion)
            .Field("SystemName"u8, ""u8).Field("CoreMaxCalls"u8, 0).Field("CoreMaxLoadAvg"u8, "0.000000"u8).Field("CoreRunUser"u8, ""u8)
            .Field("CoreRunGroup"u8, ""u8).Field("CoreMaxFilehandles"u8, 0).Field("CoreRealTimeEnabled"u8, "No"u8)
            .Field("CoreCDRenabled"u8, "Yes"u8).Field("CoreHTTPenabled"u8, "No"u8).Field("SoundsSearchCustomDir"u8, "No"u8));
    }

    /// <summary>Command: a few read-only CLI commands, answered as <c>Output:</c> lines.</summary>
    private void Command(AmiSession session, AmiFrame f, string? actionId)
    {
        var command = (f.Get("Command") ?? string.Empty).Trim();
        var output = CliCommands.Run(_engine, command);
        if (output is null)
        {
            Send(session, _b.Response("Error"u8, actionId).Field("Message"u8, "Command output follows"u8)
                .Field("Output"u8, $"No such command '{command}' (type 'core show help {command}' for other possible commands)"));
            return;
        }
        var b = _b.Response("Success"u8, actionId).Field("Message"u8, "Command output follows"u8);
        foreach (var line in output)
        {
            b.Field("Output"u8, line);
        }
        Send(session, b);
    }

    private static string Md5(string text)
    {
#pragma warning disable CA5351 // AMI's challenge login is defined with MD5.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }
}
