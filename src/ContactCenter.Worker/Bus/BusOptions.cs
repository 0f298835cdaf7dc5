namespace ContactCenter.Worker.Bus;

/// <summary>The <c>Bus</c> section. The RabbitMQ password comes from configuration or the environment
/// (<c>ContactCenter__Bus__RabbitMq__Password</c>) and is never logged.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary><c>InMemory</c> (default, embedded, one process) or <c>RabbitMq</c>.</summary>
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public BusRetryOptions Retry { get; set; } = new();

    /// <summary>How long start waits for the broker and for every queue to be bound.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the bus goes, without the password.</summary>
    public string Describe() => IsRabbitMq
        ? $"RabbitMq {RabbitMq.Username}@{RabbitMq.Host}:{RabbitMq.Port} vhost {RabbitMq.VirtualHost}"
        : "InMemory";

    internal bool IsRabbitMq => string.Equals(Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem found, each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsRabbitMq && !string.Equals(Transport, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{Section}:Transport: must be InMemory or RabbitMq, was '{Transport}'");
        }
        if (IsRabbitMq)
        {
            var section = $"{Section}:RabbitMq";
            if (string.IsNullOrWhiteSpace(RabbitMq.Host))
            {
                errors.Add($"{section}:Host: is required with Bus:Transport=RabbitMq");
            }
            if (RabbitMq.Port is < 1 or > 65535)
            {
                errors.Add($"{section}:Port: must be 1-65535, was {RabbitMq.Port}");
            }
            if (string.IsNullOrWhiteSpace(RabbitMq.VirtualHost))
            {
                errors.Add($"{section}:VirtualHost: is required (\"/\" is the default virtual host)");
            }
            if (string.IsNullOrWhiteSpace(RabbitMq.Username))
            {
                errors.Add($"{section}:Username: is required with Bus:Transport=RabbitMq");
            }
            if (string.IsNullOrEmpty(RabbitMq.Password))
            {
                errors.Add($"{section}:Password: is required with Bus:Transport=RabbitMq; set it in the environment (ContactCenter__Bus__RabbitMq__Password), never in the repository");
            }
        }
        if (Retry.Limit is < 0 or > 20)
        {
            errors.Add($"{Section}:Retry:Limit: must be 0-20, was {Retry.Limit}");
        }
        if (Retry.MinInterval <= TimeSpan.Zero || Retry.MaxInterval < Retry.MinInterval)
        {
            errors.Add($"{Section}:Retry:MinInterval: must be positive and not above Bus:Retry:MaxInterval");
        }
        if (StartTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:StartTimeout: must be positive, was {StartTimeout}");
        }
        return errors;
    }
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

/// <summary>
/// <c>Bus:Retry</c>: in-process retries of a failing consumer, with exponential intervals. When they are
/// spent the message moves to the endpoint's <c>_error</c> queue and a <c>Fault&lt;T&gt;</c> is published.
/// </summary>
public sealed class BusRetryOptions
{
    public int Limit { get; set; } = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
}
