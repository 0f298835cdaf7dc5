using System.Diagnostics;
using System.Net.Sockets;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>
/// A fresh, empty RabbitMQ virtual host for one run (created and deleted with <c>rabbitmqctl</c>), on the broker
/// the tests use: <c>CONTACTCENTER_TEST_RABBITMQ</c>, default <c>amqp://guest:guest@127.0.0.1:5672/</c>.
/// </summary>
internal sealed class RabbitMqVirtualHost : IDisposable
{
    private static readonly Uri Address = new(Environment.GetEnvironmentVariable("CONTACTCENTER_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");

    private RabbitMqVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static string Host => Address.Host;

    public static int Port => Address.Port > 0 ? Address.Port : 5672;

    public static string Username => Uri.UnescapeDataString(Address.UserInfo.Split(':')[0]);

    public static string Password => Uri.UnescapeDataString(Address.UserInfo.Split(':').ElementAtOrDefault(1) ?? string.Empty);

    /// <exception cref="InvalidOperationException">No broker listens, or rabbitmqctl failed (the message says which).</exception>
    public static RabbitMqVirtualHost Create()
    {
        using (var client = new TcpClient())
        {
            try
            {
                if (!client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(2)))
                {
                    throw new SocketException();
                }
            }
            catch (Exception ex) when (ex is SocketException or AggregateException)
            {
                throw new InvalidOperationException($"The harness needs RabbitMQ at {Host}:{Port} and none is listening. Run scripts/test.sh (it installs and starts " +
                    "rabbitmq-server), or point CONTACTCENTER_TEST_RABBITMQ at a broker.", ex);
            }
        }
        var name = "cc-bench-" + Guid.NewGuid().ToString("N")[..12];
        Ctl($"add_vhost {name}");
        Ctl($"set_permissions -p {name} {Username} \".*\" \".*\" \".*\"");
        return new RabbitMqVirtualHost(name);
    }

    public void Dispose() => Ctl($"delete_vhost {Name}", mayFail: true);

    private static void Ctl(string arguments, bool mayFail = false)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", "-q " + arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("rabbitmqctl could not be started: is rabbitmq-server installed? scripts/test.sh installs it");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException($"rabbitmqctl {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
