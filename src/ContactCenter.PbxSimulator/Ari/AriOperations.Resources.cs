using ContactCenter.Asterisk.Ari;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Ari;

internal sealed partial class AriOperations
{
    public AriResult AsteriskInfo() => engine.Run(() => AriResult.Ok(new AsteriskInfo
    {
        Build = new AsteriskBuildInfo { Os = "Linux", Kernel = "6.18.44-fc-v669", Machine = "x86_64", Options = "OPTIONAL_API", Date = "2026-11-21 19:15:21 UTC", User = "root" },
        System = new AsteriskSystemInfo { Version = engine.Options.AsteriskVersion, EntityId = engine.Options.EntityId },
        Config = new AsteriskConfigInfo { Name = string.Empty, DefaultLanguage = "en", Setid = new AsteriskSetId() },
        Status = new AsteriskStatusInfo { StartupTime = engine.StartedAt.ToUniversalTime(), LastReloadTime = engine.StartedAt.ToUniversalTime() },
    }));

    public AriResult Applications() => engine.Run(() => AriResult.Ok(engine.Ari.Applications.Select(Application).ToArray()));

    public AriResult GetApplication(string name) => engine.Run(() =>
        engine.Ari.IsRegistered(name) ? AriResult.Ok(Application(name)) : AriResult.NotFound("Application not found"));

    /// <summary>POST /channels: dials an endpoint and sends the answered channel to an application or the dialplan.</summary>
    public AriResult Originate(string? endpoint, string? extension, string? context, string? priority, string? label, string? app, string? appArgs,
        string? callerId, string? timeout, IReadOnlyDictionary<string, string> variables) => engine.Run(() =>
    {
        if (string.IsNullOrEmpty(endpoint))
        {
            return AriResult.BadRequest("Endpoint must be specified");
        }
        if (string.IsNullOrEmpty(app) && string.IsNullOrEmpty(extension))
        {
            return AriResult.BadRequest("Application or extension must be specified");
        }
        if (!string.IsNullOrEmpty(app) && !engine.Ari.IsRegistered(app))
        {
            return AriResult.BadRequest("Application not registered");
        }
        var target = engine.ResolveTarget(endpoint);
        if (target.Endpoint is null)
        {
            return AriResult.BadRequest("Endpoint not found");
        }
        var (cidName, cidNum) = string.IsNullOrEmpty(callerId) ? (null, null) : Config.PjsipConfParser.ParseCallerId(callerId, string.Empty);
        var seconds = int.TryParse(timeout, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > 0 ? t : 30;
        AriChannel? created = null;
        OriginateOperation.Start(engine, new OriginateRequest(endpoint, TimeSpan.FromSeconds(seconds))
        {
            Created = ch => created = AriModelMapper.Channel(ch),
            Context = context ?? "default",
            Exten = extension,
            Priority = label ?? priority ?? "1",
            StasisApp = string.IsNullOrEmpty(app) ? null : app,
            StasisArgs = string.IsNullOrEmpty(appArgs) ? [] : appArgs.Split(','),
            CallerIdName = cidName,
            CallerIdNum = cidNum,
            Variables = variables.ToList(),
            FromAri = true,
        });
        return created is null ? new AriResult(500, Error: "Allocation failed") : AriResult.Ok(created);
    });

    public AriResult CreateBridge(string? type, string? bridgeId, string? name) => engine.Run(() =>
    {
        if (bridgeId is not null && engine.Bridges.ContainsKey(bridgeId))
        {
            return AriResult.Conflict("Bridge with the same id already exists");
        }
        var kind = (type ?? "mixing").Split(',')[0];
        var bridge = new SimBridge(bridgeId ?? engine.NewUuid(), engine.Clock.Now)
        {
            BridgeClass = "stasis",
            BridgeType = kind == "holding" ? "holding" : "mixing",
            Technology = "simple_bridge",
            Creator = "Stasis",
            Name = name ?? string.Empty,
        };
        engine.RegisterBridge(bridge);
        return AriResult.Ok(AriModelMapper.Bridge(bridge));
    });

    public AriResult GetBridge(string id) => engine.Run(() =>
        engine.Bridges.TryGetValue(id, out var b) ? AriResult.Ok(AriModelMapper.Bridge(b)) : AriResult.NotFound("Bridge not found"));

    public AriResult AddToBridge(string id, string? channels) => engine.Run(() =>
    {
        if (!engine.Bridges.TryGetValue(id, out var bridge))
        {
            return AriResult.NotFound("Bridge not found");
        }
        if (string.IsNullOrEmpty(channels))
        {
            return AriResult.BadRequest("missing required parameter channel");
        }
        foreach (var channelId in channels.Split(','))
        {
            if (engine.FindChannel(channelId) is not { } ch)
            {
                return AriResult.BadRequest("Channel not found");
            }
            if (ch.Stasis is null)
            {
                return AriResult.Unprocessable("Channel not in Stasis application");
            }
            if (ch.Bridge is not null)
            {
                return AriResult.Conflict("Channel is already bridged");
            }
            engine.EnterBridge(bridge, ch);
        }
        return AriResult.NoContent;
    });

    public AriResult RemoveFromBridge(string id, string? channels) => engine.Run(() =>
    {
        if (!engine.Bridges.TryGetValue(id, out var bridge))
        {
            return AriResult.NotFound("Bridge not found");
        }
        foreach (var channelId in (channels ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (engine.FindChannel(channelId) is not { } ch || !ReferenceEquals(ch.Bridge, bridge))
            {
                return AriResult.Unprocessable("Channel not in this bridge");
            }
            engine.LeaveBridge(bridge, ch);
        }
        return AriResult.NoContent;
    });

    public AriResult DestroyBridge(string id) => engine.Run(() =>
    {
        if (!engine.Bridges.TryGetValue(id, out var bridge))
        {
            return AriResult.NotFound("Bridge not found");
        }
        foreach (var ch in bridge.Channels.ToArray())
        {
            engine.LeaveBridge(bridge, ch);
        }
        engine.DestroyBridge(bridge);
        return AriResult.NoContent;
    });

    private AriApplication Application(string name) => new()
    {
        Name = name,
        ChannelIds = engine.LiveChannels.Where(c => c.Stasis?.App == name).Select(c => c.Uniqueid).ToArray(),
        BridgeIds = engine.Bridges.Values.Where(b => b.BridgeClass == "stasis").Select(b => b.Id).ToArray(),
        EndpointIds = [],
        DeviceNames = [],
    };
}
