namespace ContactCenter.Agents.Directory;

/// <summary>What a delete in the directory did.</summary>
internal enum DeleteOutcome
{
    Deleted,
    NotFound,

    /// <summary>Something still refers to it (agents linked, an agent logged in); nothing was deleted.</summary>
    InUse,
}

/// <summary>The outcome of a delete, with who is in the way when it is <see cref="DeleteOutcome.InUse"/>.</summary>
internal sealed record DeleteResult(DeleteOutcome Outcome, string? Detail = null)
{
    public static DeleteResult Deleted { get; } = new(DeleteOutcome.Deleted);

    public static DeleteResult NotFound { get; } = new(DeleteOutcome.NotFound);
}
