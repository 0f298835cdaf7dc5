using ContactCenter.PbxSimulator.Load;

namespace ContactCenter.PbxSimulator;

public sealed partial class PbxSimulator
{
    /// <summary>
    /// Runs queue traffic for <see cref="LoadOptions.Duration"/>: agents 6001… join the queue and answer
    /// after <see cref="LoadOptions.RingTime"/>, customers call through the trunk at the given rate, talk,
    /// or abandon. Returns how many calls, events and bytes it produced and how fast.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid for this simulator (the message names it).</exception>
    public Task<LoadReport> RunLoadAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Options);
        return new LoadGenerator(this, options).RunAsync(cancellationToken);
    }
}
