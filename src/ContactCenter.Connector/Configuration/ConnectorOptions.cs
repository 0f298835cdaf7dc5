namespace ContactCenter.Connector.Configuration;

/// <summary>Behaviour of the connector (<c>Connector</c> section).</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>The connector's local SQLite file: the outbox and the command ledger.</summary>
    public string StatePath { get; set; } = "data/connector.db";

    /// <summary>fsync the outbox on every commit (survives power loss) instead of surviving process crashes only.</summary>
    public bool OutboxSynchronousFull { get; set; }

    /// <summary>Devices of the carrier trunk: a call from one is inbound, to one outbound.</summary>
    public List<string> TrunkDevices { get; set; } = ["PJSIP/trunk"];

    /// <summary>Dialled numbers starting with this are feature codes, not calls.</summary>
    public string FeatureCodePrefix { get; set; } = "**";

    /// <summary>How long a phone that dialled a feature code waits for the answer before it hears <see cref="TryLaterPrompt"/>.</summary>
    public TimeSpan FeatureCodeAnswerTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What the phone hears when nobody answered the feature code in time.</summary>
    public List<string> TryLaterPrompt { get; set; } = ["sound:an-error-has-occurred", "sound:please-try-again"];

    /// <summary>Time added to an Originate's own timeout before its result is declared a timeout.</summary>
    public TimeSpan OriginateResultMargin { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StatePath))
        {
            throw new ArgumentException($"{SectionName}:StatePath: is required");
        }
        if (string.IsNullOrEmpty(FeatureCodePrefix))
        {
            throw new ArgumentException($"{SectionName}:FeatureCodePrefix: is required");
        }
        if (FeatureCodeAnswerTimeout <= TimeSpan.Zero || FeatureCodeAnswerTimeout > TimeSpan.FromSeconds(30))
        {
            throw new ArgumentException($"{SectionName}:FeatureCodeAnswerTimeout: must be between 0 and 30 s, was {FeatureCodeAnswerTimeout}");
        }
        if (TryLaterPrompt.Count == 0)
        {
            throw new ArgumentException($"{SectionName}:TryLaterPrompt: needs at least one media URI");
        }
    }
}
