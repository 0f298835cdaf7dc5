using System.Globalization;
using Microsoft.Extensions.Options;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Settings of the ARI client and event stream, bound from <c>Asterisk:Ari</c>. The password is never
/// logged and never part of <see cref="ToString"/>; credentials travel only in an <c>Authorization</c>
/// header, never in a URL.
/// </summary>
public sealed class AriClientOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Asterisk:Ari";

    /// <summary>Root of the ARI REST API, e.g. <c>http://127.0.0.1:8088/ari/</c> (<c>ari.conf</c> + <c>http.conf</c>).</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8088/ari/");

    /// <summary>ARI user from <c>ari.conf</c>.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>ARI password from <c>ari.conf</c>. Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Stasis application name, the argument of <c>Stasis()</c> in the dialplan.</summary>
    public string Application { get; set; } = "contactcenter";

    /// <summary>Deadline of one REST call, and of the WebSocket upgrade.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay before reconnecting the event WebSocket; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Ceiling of the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many events may wait for the consumer before new ones are dropped (and announced).</summary>
    public int EventBufferCapacity { get; set; } = 10_000;

    /// <summary>
    /// WebSocket ping interval. A ping left unanswered for as long drops the connection, so a silent
    /// dead socket is noticed. <see cref="TimeSpan.Zero"/> disables keep-alive.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad key, under <paramref name="section"/>.</summary>
    public void Validate(string section = SectionName)
    {
        var failures = GetValidationFailures(section);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(section, typeof(AriClientOptions), failures);
        }
    }

    /// <summary>Describes the settings without the password.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"BaseUrl={BaseUrl}, Username={Username}, Application={Application}, RequestTimeout={RequestTimeout}, EventBufferCapacity={EventBufferCapacity}");

    internal List<string> GetValidationFailures(string section = SectionName)
    {
        var failures = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:BaseUrl must be an absolute http:// or https:// URL such as http://127.0.0.1:8088/ari/.");
        }
        else if (!string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            // The value is not echoed: it holds a password.
            failures.Add($"{section}:BaseUrl must not contain credentials; set {section}:Username and {section}:Password.");
        }
        else if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
        {
            failures.Add($"{section}:BaseUrl must not have a query or fragment (got '{BaseUrl}').");
        }

        if (string.IsNullOrWhiteSpace(Username))
        {
            failures.Add($"{section}:Username is required (a user of ari.conf).");
        }
        if (string.IsNullOrEmpty(Password))
        {
            failures.Add($"{section}:Password is required.");
        }
        if (string.IsNullOrWhiteSpace(Application) || Application.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:Application is required and must not contain spaces (got '{Application}').");
        }
        if (RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:RequestTimeout must be positive (got {RequestTimeout}).");
        }
        if (ReconnectInitialDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:ReconnectInitialDelay must be positive (got {ReconnectInitialDelay}).");
        }
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            failures.Add($"{section}:ReconnectMaxDelay must be at least ReconnectInitialDelay (got {ReconnectMaxDelay}).");
        }
        if (EventBufferCapacity < 1)
        {
            failures.Add($"{section}:EventBufferCapacity must be at least 1 (got {EventBufferCapacity}).");
        }
        if (KeepAliveInterval < TimeSpan.Zero)
        {
            failures.Add($"{section}:KeepAliveInterval must be zero (disabled) or positive (got {KeepAliveInterval}).");
        }
        return failures;
    }

    /// <summary>The base URL with a trailing slash, so relative paths append instead of replacing its last segment.</summary>
    internal Uri NormalizedBaseUrl =>
        BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
