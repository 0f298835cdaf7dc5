using ContactCenter.Asterisk.Ami;

namespace ContactCenter.Connector.Commands;

/// <summary>
/// Sends one AMI action for a command and reads Asterisk's answer: success is <see cref="CommandResult.Done"/>;
/// an error whose message contains one of the <paramref name="known"/> phrases is that phrase's result, with
/// Asterisk's words as the detail; any other error goes to the executor's general mapping.
/// </summary>
internal static class AmiCommandAction
{
    public static async Task<CommandResult> SendAsync(AmiClient ami, AmiAction action, CancellationToken ct, params (string Says, bool Succeeded, string Outcome)[] known)
    {
        try
        {
            var response = await ami.SendActionAsync(action, ct);
            return CommandResult.Done(response.Message ?? string.Empty);
        }
        catch (AmiActionException ex) when (Known(ex, known) is { } answer)
        {
            return new CommandResult(answer.Succeeded, answer.Outcome, ex.AsteriskMessage);
        }
    }

    private static (string Says, bool Succeeded, string Outcome)? Known(AmiActionException ex, (string Says, bool Succeeded, string Outcome)[] known)
    {
        foreach (var answer in known)
        {
            if (ex.AsteriskMessage.Contains(answer.Says, StringComparison.OrdinalIgnoreCase))
            {
                return answer;
            }
        }
        return null;
    }
}
