using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Data;

/// <summary>One numbered schema script as the runner applies it: <c>0001_processed_message</c>.</summary>
internal sealed record MigrationScript(int Number, string Id, string ResourceName, string Text)
{
    /// <summary>SHA-256 of the text with line endings normalised, so a checkout with CRLF is not "edited".</summary>
    public string Checksum { get; } = Hash(Text);

    internal static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));
}
