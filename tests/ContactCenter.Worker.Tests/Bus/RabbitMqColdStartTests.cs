using System.Diagnostics;
using System.Net.Sockets;
using MassTransit;

namespace ContactCenter.Worker.Tests.Bus;

/// <summary>
/// Real RabbitMQ (<c>CONTACTCENTER_TEST_RABBITMQ</c>, default amqp://guest:guest@127.0.0.1:5672/): the worker
/// starts on a brand-new empty virtual host with its own user, and a message published the moment start
/// returns is consumed. Nothing here skips: a missing broker or rabbitmqctl fails, saying what is missing.
/// </summary>
[NonParallelizable]
public sealed class RabbitMqColdStartTests
{
    private readonly string _vhost = $"cc-test-{Guid.NewGuid():N}";
    private readonly string _user = $"cc-test-{Guid.NewGuid():N}";
    private readonly string _password = Guid.NewGuid().ToString("N");
    private Uri _broker = null!;
    private bool _created;

    [OneTimeSetUp]
    public async Task CreateEmptyVirtualHost()
    {
        _broker = new Uri(Environment.GetEnvironmentVariable("CONTACTCENTER_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");
        using (var probe = new TcpClient())
        {
            try
            {
                await probe.ConnectAsync(_broker.Host, _broker.Port > 0 ? _broker.Port : 5672).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                Assert.Fail($"RabbitMQ is not reachable at {_broker.Host}:{_broker.Port} ({e.Message}); scripts/test.sh installs and starts it, or set CONTACTCENTER_TEST_RABBITMQ");
            }
        }
        await RabbitMqCtlAsync("add_vhost", _vhost);
        await RabbitMqCtlAsync("add_user", _user, _password);
        _created = true;
        await RabbitMqCtlAsync("set_permissions", "-p", _vhost, _user, ".*", ".*", ".*");
    }

    [OneTimeTearDown]
    public async Task DeleteVirtualHost()
    {
        if (!_created)
        {
            return;
        }
        await RabbitMqCtlAsync("delete_vhost", _vhost);
        await RabbitMqCtlAsync("delete_user", _user);
    }

    [Test, CancelAfter(120_000)]
    public async Task A_message_published_right_after_a_cold_start_on_an_empty_broker_is_received(CancellationToken ct)
    {
        await using var worker = await TestWorker.StartAsync(ct, new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = _broker.Host,
            ["Bus:RabbitMq:Port"] = (_broker.Port > 0 ? _broker.Port : 5672).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:VirtualHost"] = _vhost,
            ["Bus:RabbitMq:Username"] = _user,
            ["Bus:RabbitMq:Password"] = _password,
        });
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var bus = worker.App.Services.GetRequiredService<IBus>();
        foreach (var id in ids)
        {
            await bus.Publish(new Ping(id), ct);
        }

        foreach (var id in ids)
        {
            var (attempts, queue) = await worker.Pings.WaitAsync(id, ct);
            Assert.That(attempts, Is.EqualTo(1));
            Assert.That(queue!.AbsolutePath, Does.EndWith($"/{_vhost}/{PingModule.Queue}"));
        }
        var queues = await RabbitMqCtlAsync("list_queues", "-q", "-p", _vhost, "name", "durable", "auto_delete");
        Assert.That(queues, Does.Contain($"{PingModule.Queue}\ttrue\tfalse"), "the module's queue is durable");
        using var ready = await worker.SendAsync(HttpMethod.Get, "/health/ready", null, ct);
        Assert.That(await ready.Content.ReadAsStringAsync(ct), Does.Contain("\"name\":\"bus\",\"status\":\"Healthy\""));
        Assert.That(worker.Logs.Entries.Select(e => e.Message), Has.None.Contains(_password), "the broker password is never logged");
    }

    private static async Task<string> RabbitMqCtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AssertionException($"rabbitmqctl is needed to create a fresh virtual host and was not found ({e.Message}); scripts/test.sh installs RabbitMQ");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (process.ExitCode != 0)
            {
                throw new AssertionException($"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
            }
            return await output;
        }
    }
}
