namespace ContactCenter.Agents.Api;

/// <summary>
/// Creates or replaces an agent. <paramref name="Active"/> defaults to true. <paramref name="Pin"/>: omitted or null keeps
/// the PIN as it is, <c>""</c> removes it, 4 to 10 digits set it (stored hashed, never returned).
/// </summary>
public sealed record AgentRequest(string? Name, bool? Active, string? Pin);

/// <summary>An agent: never its PIN, only whether it has one.</summary>
public sealed record AgentResponse(string Number, string Name, bool Active, bool HasPin, DateTimeOffset CreatedAt);

/// <summary>Creates or replaces the extension with this interface (<c>PJSIP/6001</c>).</summary>
public sealed record ExtensionRequest(string? Interface, string? Server, string? Description);

public sealed record ExtensionResponse(string Interface, string Server, string Description);

/// <summary>
/// Creates or replaces a queue. <paramref name="DisplayName"/> defaults to the queue's name; <paramref name="WrapupSeconds"/>
/// (0-3600) should be the queue's <c>wrapuptime</c> in queues.conf.
/// </summary>
public sealed record QueueRequest(string? DisplayName, int? WrapupSeconds);

public sealed record QueueResponse(string Server, string Name, string DisplayName, int WrapupSeconds);

/// <summary>Links an agent to a queue; <paramref name="Penalty"/> 0-1000, default 0 (Asterisk rings lower penalties first).</summary>
public sealed record AgentQueueRequest(int? Penalty);

public sealed record AgentQueueResponse(string AgentNumber, string Server, string Queue, int Penalty);

/// <summary>Creates or replaces a pause code. <paramref name="Active"/> defaults to true.</summary>
public sealed record PauseCodeRequest(string? Name, bool? Productive, bool? Active);

public sealed record PauseCodeResponse(string Code, string Name, bool Productive, bool Active);
