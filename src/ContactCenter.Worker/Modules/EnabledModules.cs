namespace ContactCenter.Worker.Modules;

/// <summary>The modules whose role this process runs, kept for the second half of the composition (mapping endpoints).</summary>
internal sealed record EnabledModules(IReadOnlyList<WorkerModule> Modules);
