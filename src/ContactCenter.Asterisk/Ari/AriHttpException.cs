using System.Net;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Asterisk answered a REST call with an error status. ARI error bodies are <c>{"message":"…"}</c>;
/// <see cref="AsteriskMessage"/> holds that message, or the start of a body that was not JSON.
/// </summary>
public sealed class AriHttpException : AriException
{
    public AriHttpException(string method, string path, HttpStatusCode statusCode, string asteriskMessage)
        : base(Describe(method, path, statusCode, asteriskMessage))
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        AsteriskMessage = asteriskMessage;
    }

    /// <summary>HTTP method of the call, e.g. <c>DELETE</c>.</summary>
    public string Method { get; }

    /// <summary>Request path without the query string, e.g. <c>/ari/channels/1795289013.0</c>.</summary>
    public string Path { get; }

    /// <summary>The status Asterisk answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Asterisk's own words, e.g. <c>Channel not found</c>; empty when the body was empty.</summary>
    public string AsteriskMessage { get; }

    /// <summary>
    /// True for 404: the channel, bridge or playback no longer exists, which callers usually treat as
    /// "already gone" rather than as a failure.
    /// </summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    private static string Describe(string method, string path, HttpStatusCode status, string message)
    {
        var hint = status == HttpStatusCode.Unauthorized
            ? $" (Asterisk refused the credentials: check {AriClientOptions.SectionName}:Username and {AriClientOptions.SectionName}:Password against ari.conf)"
            : string.Empty;
        var said = message.Length == 0 ? string.Empty : $": {message}";
        return $"ARI {method} {path} failed with {(int)status} {status}{said}{hint}";
    }
}
