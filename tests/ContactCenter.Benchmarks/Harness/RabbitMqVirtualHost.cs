using ContactCenter.Testing;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>
/// A fresh, empty RabbitMQ virtual host for one run, on the broker the tests use (<see cref="RabbitMqBroker"/>:
/// <c>CONTACTCENTER_TEST_RABBITMQ</c>, default <c>amqp://guest:guest@127.0.0.1:5672/</c>); deleted when disposed.
/// </summary>
internal sealed class RabbitMqVirtualHost : IDisposable
{
    private RabbitMqVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static string Host => RabbitMqBroker.Host;

    public static int Port => RabbitMqBroker.Port;

    public static string Username => RabbitMqBroker.Username;

    public static string Password => RabbitMqBroker.Password;

    /// <exception cref="Exception">No broker listens, or rabbitmqctl failed (the message says which).</exception>
    public static RabbitMqVirtualHost Create() => new(RabbitMqBroker.CreateVirtualHost());

    public void Dispose() => RabbitMqBroker.DeleteVirtualHost(Name);
}
