using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.PbxSimulator.Ari;

internal sealed partial class AriServer
{
    /// <summary>The resources the product's ARI client uses (and a few neighbours), by method and path.</summary>
    /// <param name="receivedAt">When the request arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamp), recorded on playbacks.</param>
    private async Task<AriResult> RouteAsync(HttpContext http, string[] s, long receivedAt)
    {
        var q = http.Request.Query;
        string? Q(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        var method = http.Request.Method;
        return (method, s) switch
        {
            ("GET", ["asterisk", "info"]) => _ops.AsteriskInfo(),
            ("GET", ["applications"]) => _ops.Applications(),
            ("GET", ["applications", var app]) => _ops.GetApplication(app),
            ("GET", ["channels"]) => _ops.ListChannels(),
            ("POST", ["channels"]) => _ops.Originate(Q("endpoint"), Q("extension"), Q("context"), Q("priority"), Q("label"), Q("app"), Q("appArgs"),
                Q("callerId"), Q("timeout"), await VariablesAsync(http)),
            ("GET", ["channels", var id]) => _ops.GetChannel(id),
            ("DELETE", ["channels", var id]) => _ops.Hangup(id, Q("reason_code"), Q("reason")),
            ("POST", ["channels", var id, "answer"]) => _ops.Answer(id),
            ("POST", ["channels", var id, "play"]) => _ops.Play(id, Q("playbackId"), Q("media"), Q("lang"), receivedAt),
            ("POST", ["channels", var id, "play", var playbackId]) => _ops.Play(id, playbackId, Q("media"), Q("lang"), receivedAt),
            ("POST", ["channels", var id, "continue"]) => _ops.Continue(id, Q("context"), Q("extension"), Q("priority"), Q("label")),
            ("GET", ["channels", var id, "variable"]) => _ops.GetVariable(id, Q("variable")),
            ("POST", ["channels", var id, "variable"]) => _ops.SetVariable(id, Q("variable"), Q("value")),
            ("POST", ["bridges"]) => _ops.CreateBridge(Q("type"), Q("bridgeId"), Q("name")),
            ("GET", ["bridges", var id]) => _ops.GetBridge(id),
            ("DELETE", ["bridges", var id]) => _ops.DestroyBridge(id),
            ("POST", ["bridges", var id, "addChannel"]) => _ops.AddToBridge(id, Q("channel")),
            ("POST", ["bridges", var id, "removeChannel"]) => _ops.RemoveFromBridge(id, Q("channel")),
            ("GET", ["playbacks", var id]) => _ops.GetPlayback(id),
            ("DELETE", ["playbacks", var id]) => _ops.StopPlayback(id),
            _ => new AriResult(404, Error: $"Resource not found: {method} /ari/{string.Join('/', s)} is not implemented by the simulator"),
        };
    }

    /// <summary>The <c>{"variables":{…}}</c> body of an originate, if any.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> VariablesAsync(HttpContext http)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (http.Request.ContentLength is null or 0 && !http.Request.Headers.TransferEncoding.Any())
        {
            return variables;
        }
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("variables", out var vars) && vars.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in vars.EnumerateObject())
                {
                    variables[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // ARI ignores a body it cannot read for this resource.
        }
        return variables;
    }
}
