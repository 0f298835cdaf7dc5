using ContactCenter.Data;
using ContactCenter.Worker.Api;
using ContactCenter.Worker.Migrations;
using Microsoft.Extensions.Options;

namespace ContactCenter.Worker;

/// <summary>
/// <c>ContactCenter.Worker</c> runs the worker; <c>ContactCenter.Worker migrate</c> applies migrations and
/// exits; <c>ContactCenter.Worker hash-key [key]</c> prints a key hash for <c>Api:Keys</c>.
/// Exit codes: 0 fine, 2 bad configuration, 3 schema problem.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["migrate", .. var rest] => await MigrateCommand.RunAsync(rest, Console.Out, CancellationToken.None),
                ["hash-key", .. var rest] => HashKeyCommand.Run(rest, Console.Out),
                _ => await RunAsync(args),
            };
        }
        catch (Exception e) when (ConfigurationErrors(e) is { Count: > 0 } errors)
        {
            await Console.Error.WriteLineAsync("Configuration error, nothing started:");
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync("  " + error);
            }
            return 2;
        }
        catch (MigrationException e)
        {
            await Console.Error.WriteLineAsync("Schema error: " + e.Message);
            return 3;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        await using var app = ContactCenterHost.Build(ContactCenterHost.CreateBuilder(args));
        await app.RunAsync();
        return 0;
    }

    /// <summary>Options failures, also when the host start validator aggregated several.</summary>
    private static List<string> ConfigurationErrors(Exception e) => e switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.All(i => i is OptionsValidationException) =>
            aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(o => o.Failures).ToList(),
        _ => [],
    };
}
