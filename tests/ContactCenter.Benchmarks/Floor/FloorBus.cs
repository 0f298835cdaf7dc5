using MassTransit;

namespace ContactCenter.Benchmarks.Floor;

/// <summary>
/// The bus of the floor harnesses: MassTransit 8.4 on RabbitMQ with publisher confirms (as in the product), two receive
/// endpoints (prefetch 64 unless told). <see cref="FloorFirstHop"/> with one hop arrives at its endpoint; with two it is
/// republished as <see cref="FloorSecondHop"/>, as <c>FeatureCodeDialed</c> → agents consumer → queue command does.
/// </summary>
internal static class FloorBus
{
    /// <param name="prefetch">Messages each endpoint takes from RabbitMQ ahead (and consumes concurrently).</param>
    /// <param name="arrived">Called with the message's key when it has made its last hop.</param>
    public static IBusControl Create(string virtualHost, int prefetch, Func<string, Task> arrived) => Bus.Factory.CreateUsingRabbitMq(cfg =>
    {
        cfg.Host(Harness.RabbitMqVirtualHost.Host, (ushort)Harness.RabbitMqVirtualHost.Port, virtualHost, host =>
        {
            host.Username(Harness.RabbitMqVirtualHost.Username);
            host.Password(Harness.RabbitMqVirtualHost.Password);
            host.PublisherConfirmation = true;
        });
        cfg.ReceiveEndpoint("floor-first-hop", e =>
        {
            e.PrefetchCount = prefetch;
            e.Handler<FloorFirstHop>(context => context.Message.Hops == 1
                ? arrived(context.Message.Key)
                : context.Publish(new FloorSecondHop(context.Message.Key), context.CancellationToken));
        });
        cfg.ReceiveEndpoint("floor-second-hop", e =>
        {
            e.PrefetchCount = prefetch;
            e.Handler<FloorSecondHop>(context => arrived(context.Message.Key));
        });
    });
}

/// <summary>The first broker hop of the floor harnesses (stands for <c>FeatureCodeDialed</c>).</summary>
public sealed record FloorFirstHop(string Key, int Hops);

/// <summary>The second broker hop of the floor harnesses (stands for the queue command).</summary>
public sealed record FloorSecondHop(string Key);
