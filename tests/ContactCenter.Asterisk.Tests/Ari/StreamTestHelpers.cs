using System.Threading.Channels;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

internal static class StreamTestHelpers
{
    public static async Task<AriStreamItem> NextAsync(this ChannelReader<AriStreamItem> items, CancellationToken cancellationToken) =>
        await items.ReadAsync(cancellationToken);

    public static async Task<T> NextEventAsync<T>(this ChannelReader<AriStreamItem> items, CancellationToken cancellationToken)
        where T : AriEvent
    {
        var item = await items.ReadAsync(cancellationToken);
        Assert.That(item.Kind, Is.EqualTo(AriStreamItemKind.Event), $"expected a {typeof(T).Name} event, got {item}");
        Assert.That(item.Event, Is.TypeOf<T>());
        return (T)item.Event!;
    }

    public static async Task<IReadOnlyList<AriStreamItem>> TakeAsync(this ChannelReader<AriStreamItem> items, int count, CancellationToken cancellationToken)
    {
        var taken = new List<AriStreamItem>(count);
        while (taken.Count < count)
        {
            taken.Add(await items.ReadAsync(cancellationToken));
        }
        return taken;
    }

    /// <summary>Polls a condition on counters; the token turns a bug into a failure instead of a hang.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
