using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Agents.Directory;

/// <summary>
/// The embedded demo's directory (<c>Agents:SeedDemoData</c>): four agents on the phones of asterisk-config, the
/// <c>support</c> and <c>sales</c> queues of its queues.conf, links and pause codes. Every start upserts the same rows
/// through the admin classes, so running it again changes nothing and a demo edited by hand is put back.
/// Registered after the database start-up, so it runs once the schema is current and before the bus consumes.
/// </summary>
internal sealed partial class DemoDirectorySeed(AgentAdmin agents, ExtensionAdmin extensions, QueueAdmin queues, AgentQueueAdmin links, PauseCodeAdmin pauseCodes,
    AgentsOptions options, ILogger<DemoDirectorySeed> logger) : IHostedService
{
    private static readonly (string Number, string Name)[] DemoAgents = [("210", "Ana"), ("211", "Bruno"), ("212", "Carla"), ("213", "Diego")];

    // Wrap-up as queues.conf has it: support wrapuptime = 5, sales wrapuptime = 10.
    private static readonly (string Name, string DisplayName, int WrapupSeconds)[] DemoQueues = [("support", "Support", 5), ("sales", "Sales", 10)];

    private static readonly (string Agent, string Queue)[] DemoLinks =
        [("210", "support"), ("210", "sales"), ("211", "support"), ("211", "sales"), ("212", "support"), ("213", "sales")];

    private static readonly (string Code, string Name, bool Productive)[] DemoPauseCodes =
        [("1", "Break", false), ("2", "Lunch", false), ("13", "Training", true), ("20", "Back office", true)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var server = options.DemoServer;
        foreach (var (number, name) in DemoAgents)
        {
            await agents.UpsertAsync(number, name, active: true, PinChange.Unchanged, cancellationToken);
        }
        for (var phone = 6001; phone <= 6004; phone++)
        {
            var extension = new ExtensionRecord { Interface = $"PJSIP/{phone}", Server = server, Description = $"Demo phone {phone}" };
            await extensions.UpsertAsync(extension, cancellationToken);
        }
        foreach (var (name, displayName, wrapup) in DemoQueues)
        {
            await queues.UpsertAsync(new QueueRecord { Server = server, Name = name, DisplayName = displayName, WrapupSeconds = wrapup }, cancellationToken);
        }
        foreach (var (agent, queue) in DemoLinks)
        {
            var (outcome, _) = await links.UpsertAsync(new AgentQueueLink { AgentNumber = agent, Server = server, Queue = queue, Penalty = 0 }, cancellationToken);
            if (outcome is LinkOutcome.UnknownAgent or LinkOutcome.UnknownQueue)
            {
                throw new InvalidOperationException($"Demo seed: linking agent {agent} to {server}/{queue} found {outcome}, though both were just written");
            }
        }
        foreach (var (code, name, productive) in DemoPauseCodes)
        {
            await pauseCodes.UpsertAsync(new PauseCodeRecord { Code = code, Name = name, Productive = productive, Active = true }, cancellationToken);
        }
        LogSeeded(logger, server, DemoAgents.Length, DemoQueues.Length, DemoPauseCodes.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information,
        Message = "Demo directory on server {Server}: {Agents} agents, extensions PJSIP/6001-6004, {Queues} queues, {PauseCodes} pause codes")]
    private static partial void LogSeeded(ILogger logger, string server, int agents, int queues, int pauseCodes);
}
