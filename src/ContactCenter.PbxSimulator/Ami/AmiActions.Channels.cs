using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Asterisk.Ami;
using ContactCenter.PbxSimulator.Config;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Ami;

internal sealed partial class AmiActions
{
    private void CoreShowChannels(AmiSession session, string? actionId)
    {
        ListStart(session, actionId, "Channels will follow");
        var now = _engine.Clock.Now;
        var items = 0;
        foreach (var ch in _engine.LiveChannels)
        {
            var age = now - ch.Created;
            _b.Reset();
            _b.Field("Event"u8, "CoreShowChannel"u8);
            if (actionId is not null)
            {
                _b.Field("ActionID"u8, actionId);
            }
            _b.Raw(_engine.Ami.Block(ch)).Field("Application"u8, ch.Application).Field("ApplicationData"u8, ch.ApplicationData)
                .Field("Duration"u8, string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours:00}:{age.Minutes:00}:{age.Seconds:00}"))
                .Field("BridgeId"u8, ch.Bridge?.Id ?? string.Empty);
            Send(session, _b);
            items++;
        }
        ListComplete(session, actionId, "CoreShowChannelsComplete"u8, items);
    }

    private void Originate(AmiSession session, AmiFrame f, string? actionId)
    {
        var channel = f.Get("Channel");
        if (string.IsNullOrEmpty(channel))
        {
            Error(session, actionId, "Channel not specified");
            return;
        }
        if (!string.IsNullOrEmpty(f.Get("Application")))
        {
            Error(session, actionId, "Originate into an application is not implemented by the simulator: use Context, Exten and Priority");
            return;
        }
        var exten = f.Get("Exten");
        if (string.IsNullOrEmpty(exten))
        {
            Error(session, actionId, "Exten not specified");
            return;
        }
        var timeoutMs = int.TryParse(f.Get("Timeout"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : 30_000;
        var (cidName, cidNum) = f.Get("CallerID") is { Length: > 0 } callerId ? PjsipConfParser.ParseCallerId(callerId, string.Empty) : (null, null);
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var header in f.GetAll("Variable"))
        {
            foreach (var pair in header.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    variables.Add(new(pair[..eq].Trim(), pair[(eq + 1)..]));
                }
            }
        }
        var isAsync = IsTrue(f.Get("Async"));
        var request = new OriginateRequest(channel, TimeSpan.FromMilliseconds(timeoutMs))
        {
            Context = NullIfEmpty(f.Get("Context")) ?? "default",
            Exten = exten,
            Priority = NullIfEmpty(f.Get("Priority")) ?? "1",
            CallerIdName = cidName,
            CallerIdNum = cidNum,
            Variables = variables,
            ActionId = actionId,
            AnnounceResponse = isAsync,
            Completed = isAsync ? null : ok =>
            {
                if (ok)
                {
                    Success(session, actionId, "Originate successfully queued");
                }
                else
                {
                    Error(session, actionId, "Originate failed");
                }
            },
        };
        if (isAsync)
        {
            Success(session, actionId, "Originate successfully queued");
        }
        OriginateOperation.Start(_engine, request);
    }

    private void Hangup(AmiSession session, AmiFrame f, string? actionId)
    {
        var name = f.Get("Channel");
        if (string.IsNullOrEmpty(name))
        {
            Error(session, actionId, "No channel specified");
            return;
        }
        var cause = int.TryParse(f.Get("Cause"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 16;
        if (name.Length > 2 && name[0] == '/' && name[^1] == '/')
        {
            var regex = new Regex(name[1..^1], RegexOptions.None, TimeSpan.FromSeconds(1));
            var matches = _engine.LiveChannels.Where(ch => regex.IsMatch(ch.Name)).ToList();
            Success(session, actionId, "Channels hung up: " + matches.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var ch in matches)
            {
                _engine.RequestHangup(ch, cause);
            }
            return;
        }
        if (_engine.FindChannel(name) is not { } channel)
        {
            Error(session, actionId, "No such channel");
            return;
        }
        Success(session, actionId, "Channel Hungup");
        _engine.RequestHangup(channel, cause);
    }

    private void Redirect(AmiSession session, AmiFrame f, string? actionId)
    {
        var name = f.Get("Channel");
        if (string.IsNullOrEmpty(name))
        {
            Error(session, actionId, "Channel not specified");
            return;
        }
        if (_engine.FindChannel(name) is not { } channel)
        {
            Error(session, actionId, "Channel does not exist: " + name);
            return;
        }
        var context = f.Get("Context") ?? channel.Context;
        var exten = f.Get("Exten") ?? string.Empty;
        if (!_engine.Dialplan.Exists(context, exten))
        {
            Error(session, actionId, "Extension does not exist.");
            return;
        }
        Success(session, actionId, "Redirect successful");
        _engine.Redirect(channel, context, exten, f.Get("Priority") ?? "1");
    }

    private void Getvar(AmiSession session, AmiFrame f, string? actionId)
    {
        var variable = f.Get("Variable");
        if (string.IsNullOrEmpty(variable))
        {
            Error(session, actionId, "No variable specified");
            return;
        }
        var name = f.Get("Channel");
        var channel = string.IsNullOrEmpty(name) ? null : _engine.FindChannel(name);
        if (!string.IsNullOrEmpty(name) && channel is null)
        {
            Error(session, actionId, "No such channel");
            return;
        }
        string value;
        try
        {
            value = channel is not null && variable.Contains('(', StringComparison.Ordinal)
                ? _engine.Expand(channel, "${" + variable + "}")
                : _engine.GetVar(channel, variable) ?? string.Empty;
        }
        catch (InvalidOperationException ex)
        {
            Error(session, actionId, ex.Message);
            return;
        }
        Send(session, _b.Response("Success"u8, actionId).Field("Variable"u8, variable).Field("Value"u8, value));
    }

    private void Setvar(AmiSession session, AmiFrame f, string? actionId)
    {
        var variable = f.Get("Variable");
        if (string.IsNullOrEmpty(variable))
        {
            Error(session, actionId, "No variable specified");
            return;
        }
        var name = f.Get("Channel");
        var value = f.Get("Value") ?? string.Empty;
        if (string.IsNullOrEmpty(name))
        {
            Success(session, actionId, "Variable Set");
            _engine.SetGlobal(variable, value);
            return;
        }
        if (_engine.FindChannel(name) is not { } channel)
        {
            Error(session, actionId, "No such channel");
            return;
        }
        Success(session, actionId, "Variable Set");
        _engine.SetVar(channel, variable, value);
    }

    private void MixMonitor(AmiSession session, AmiFrame f, string? actionId)
    {
        var name = f.Get("Channel");
        if (string.IsNullOrEmpty(name))
        {
            Error(session, actionId, "No channel specified");
            return;
        }
        if (_engine.FindChannel(name) is not { } channel)
        {
            Error(session, actionId, "No such channel");
            return;
        }
        var file = f.Get("File");
        if (string.IsNullOrEmpty(file))
        {
            file = channel.Uniqueid + ".wav";
        }
        Send(session, _b.Response("Success"u8, actionId).Field("MixMonitorID"u8, "0x" + _engine.Random.Next().ToString("x", CultureInfo.InvariantCulture)));
        _engine.StartRecording(channel, file);
    }

    private void StopMixMonitor(AmiSession session, AmiFrame f, string? actionId)
    {
        var name = f.Get("Channel");
        if (string.IsNullOrEmpty(name))
        {
            Error(session, actionId, "No channel specified");
            return;
        }
        if (_engine.FindChannel(name) is not { } channel)
        {
            Error(session, actionId, "No such channel");
            return;
        }
        if (!_engine.Recordings.Exists(r => r.ChannelId == channel.Uniqueid && r.Stopped is null))
        {
            Error(session, actionId, "Could not stop monitoring channel");
            return;
        }
        Success(session, actionId, null);
        _engine.StopRecording(channel);
    }
}
