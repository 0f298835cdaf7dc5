using ContactCenter.PbxSimulator;
using Pbx = ContactCenter.PbxSimulator.PbxSimulator;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>A simulator on ephemeral loopback ports and the connector settings that point at it as server <c>pbx1</c>.</summary>
internal static class SimulatedPbx
{
    public const string Server = "pbx1";
    public const string AriUser = "cc";
    public const string AriPassword = "ccsecret";

    public static Task<Pbx> StartAsync(Action<PbxSimulatorOptions>? configure = null)
    {
        var options = new PbxSimulatorOptions { Secret = "amisecret", Agents = 4 };
        options.AriUsers[AriUser] = AriPassword;
        configure?.Invoke(options);
        return Pbx.StartAsync(options);
    }

    public static Dictionary<string, string?> Settings(Pbx sim, bool ari = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Asterisk:Servers:0:Name"] = Server,
            ["Asterisk:Servers:0:Ami:Host"] = "127.0.0.1",
            ["Asterisk:Servers:0:Ami:Port"] = sim.AmiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Asterisk:Servers:0:Ami:Username"] = sim.Options.Username,
            ["Asterisk:Servers:0:Ami:Secret"] = sim.Options.Secret,
            ["Asterisk:Servers:0:Ami:ReconnectInitialDelay"] = "00:00:00.050",
            ["Asterisk:Servers:0:Ami:ReconnectMaxDelay"] = "00:00:00.500",
        };
        if (ari)
        {
            settings["Asterisk:Servers:0:Ari:BaseUrl"] = sim.AriBaseUrl.ToString();
            settings["Asterisk:Servers:0:Ari:Username"] = AriUser;
            settings["Asterisk:Servers:0:Ari:Password"] = AriPassword;
            settings["Asterisk:Servers:0:Ari:ReconnectInitialDelay"] = "00:00:00.050";
            settings["Asterisk:Servers:0:Ari:ReconnectMaxDelay"] = "00:00:00.500";
        }
        return settings;
    }
}
