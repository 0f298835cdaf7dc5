using System.Buffers;
using System.Text.Json;
using ContactCenter.Asterisk.Ari;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.PbxSimulator.Ari;

/// <summary>Writes <see cref="AriResult"/>s as Asterisk's HTTP server does (JSON bodies, <c>Server</c> and <c>Cache-Control</c> headers).</summary>
internal static class AriResponses
{
    public static async Task WriteAsync(HttpContext http, AriResult result, string serverHeader)
    {
        var response = http.Response;
        response.StatusCode = result.Status;
        response.Headers.Server = serverHeader;
        response.Headers.CacheControl = "no-cache, no-store";
        if (result.Location is not null)
        {
            response.Headers.Location = result.Location;
        }
        if (result.Status == 401)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"Asterisk REST Interface\"";
        }
        if (result.Body is null && result.Error is null)
        {
            response.ContentLength = 0;
            return;
        }
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (result.Error is not null)
            {
                w.WriteStartObject();
                w.WriteString("message", result.Error);
                w.WriteEndObject();
            }
            else
            {
                Serialize(w, result.Body!);
            }
        }
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static void Serialize(Utf8JsonWriter w, object body)
    {
        switch (body)
        {
            case AriChannel c:
                JsonSerializer.Serialize(w, c, AriJsonContext.Default.AriChannel);
                break;
            case AriPlayback p:
                JsonSerializer.Serialize(w, p, AriJsonContext.Default.AriPlayback);
                break;
            case AriBridge b:
                JsonSerializer.Serialize(w, b, AriJsonContext.Default.AriBridge);
                break;
            case AriVariable v:
                JsonSerializer.Serialize(w, v, AriJsonContext.Default.AriVariable);
                break;
            case AsteriskInfo i:
                JsonSerializer.Serialize(w, i, AriJsonContext.Default.AsteriskInfo);
                break;
            case AriApplication a:
                JsonSerializer.Serialize(w, a, AriJsonContext.Default.AriApplication);
                break;
            case System.Collections.IEnumerable items:
                w.WriteStartArray();
                foreach (var item in items)
                {
                    Serialize(w, item);
                }
                w.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"No ARI serializer for {body.GetType().Name}");
        }
    }
}
