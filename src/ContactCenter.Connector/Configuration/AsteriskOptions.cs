namespace ContactCenter.Connector.Configuration;

/// <summary>The Asterisk servers (<c>Asterisk</c> section).</summary>
public sealed class AsteriskOptions
{
    public const string SectionName = "Asterisk";

    public List<AsteriskServerOptions> Servers { get; set; } = [];

    /// <summary>Throws naming the first bad key.</summary>
    public void Validate()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Servers.Count; i++)
        {
            var server = Servers[i];
            var section = $"{SectionName}:Servers:{i}";
            if (string.IsNullOrWhiteSpace(server.Name) || !server.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"{section}:Name: is required and may hold only letters, digits, '-' and '_' (was '{server.Name}')");
            }
            if (!names.Add(server.Name))
            {
                throw new ArgumentException($"{section}:Name: '{server.Name}' is used by two servers");
            }
            server.Ami.Validate($"{section}:Ami");
            server.Ari?.Validate($"{section}:Ari");
        }
    }
}
