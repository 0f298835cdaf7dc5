using System.Diagnostics;
using System.Net.Sockets;
using NUnit.Framework;

namespace ContactCenter.Testing;

/// <summary>
/// The real RabbitMQ the integration tests use (installed and started by <c>scripts/test.sh</c>): its
/// address, fresh virtual hosts (an empty broker for each test), and stopping/starting it for outage tests.
/// </summary>
public static class RabbitMqBroker
{
    public static Uri Address { get; } = new(Environment.GetEnvironmentVariable("CONTACTCENTER_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");

    public static string Host => Address.Host;

    public static int Port => Address.Port > 0 ? Address.Port : 5672;

    public static string Username => Uri.UnescapeDataString(Address.UserInfo.Split(':')[0]);

    public static string Password => Uri.UnescapeDataString(Address.UserInfo.Split(':').ElementAtOrDefault(1) ?? string.Empty);

    /// <summary>Fails the test, naming what is missing, when the broker does not accept connections.</summary>
    public static void RequireRunning()
    {
        if (!IsAccepting())
        {
            Assert.Fail($"This test needs RabbitMQ at {Host}:{Port} and none is listening. Run scripts/test.sh (it installs and starts rabbitmq-server), " +
                        "or point CONTACTCENTER_TEST_RABBITMQ at a broker.");
        }
    }

    /// <summary>A new, empty virtual host the guest user may use.</summary>
    public static string CreateVirtualHost()
    {
        RequireRunning();
        var name = "cc-test-" + Guid.NewGuid().ToString("N")[..12];
        Ctl($"add_vhost {name}");
        Ctl($"set_permissions -p {name} {Username} \".*\" \".*\" \".*\"");
        return name;
    }

    public static void DeleteVirtualHost(string name) => Ctl($"delete_vhost {name}", mayFail: true);

    /// <summary>Stops the broker application (connections drop; durable queues and bindings stay).</summary>
    public static void Stop() => Ctl("stop_app");

    /// <summary>Starts it again and waits until it accepts connections.</summary>
    public static void Start()
    {
        Ctl("start_app");
        Ctl("await_startup");
        var deadline = Stopwatch.StartNew();
        while (!IsAccepting())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail("RabbitMQ did not accept connections within 60 s of start_app");
            }
            Thread.Sleep(100);
        }
    }

    public static Uri VirtualHostUri(string vhost) => new($"rabbitmq://{Host}:{Port}/{vhost}");

    private static bool IsAccepting()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

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
            Assert.Fail($"rabbitmqctl {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
