using ContactCenter.PbxSimulator.Ami;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// Settings of a <see cref="PbxSimulator"/>. The defaults mirror the product's <c>asterisk-config/</c>
/// (embedded extensions.conf and queues.conf, manager.conf classes, <c>timestampevents = yes</c>) with
/// ephemeral loopback ports, which is what tests want. Checked by <see cref="Validate"/> at start; a bad
/// value stops the simulator with a message naming the setting.
/// </summary>
public sealed class PbxSimulatorOptions
{
    /// <summary>AMI TCP port; 0 picks a free one (read it back from <see cref="PbxSimulator.AmiPort"/>).</summary>
    public int AmiPort { get; set; }

    /// <summary>ARI HTTP/WebSocket port; 0 picks a free one.</summary>
    public int AriPort { get; set; }

    /// <summary>Address both servers bind to. Loopback unless you mean it.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The manager.conf user.</summary>
    public string Username { get; set; } = "admin";

    /// <summary>The manager.conf secret.</summary>
    public string Secret { get; set; } = "admin";

    /// <summary>manager.conf <c>read =</c> of the user: the event classes it may receive.</summary>
    public string ReadClasses { get; set; } = "system,call,dialplan,agent,user,cdr";

    /// <summary>manager.conf <c>write =</c> of the user: the classes of actions it may run.</summary>
    public string WriteClasses { get; set; } = "system,call,agent,originate,command";

    /// <summary>ari.conf users (name → password). Empty: the AMI <see cref="Username"/>/<see cref="Secret"/>.</summary>
    public IDictionary<string, string> AriUsers { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Agent phones registered as PJSIP/6001, 6002 … (context <c>agents</c>).</summary>
    public int Agents { get; set; } = 4;

    /// <summary>extensions.conf text; wins over <see cref="ExtensionsConfPath"/>. Both null: the product's file (embedded).</summary>
    public string? ExtensionsConfText { get; set; }

    public string? ExtensionsConfPath { get; set; }

    /// <summary>queues.conf text; wins over <see cref="QueuesConfPath"/>. Both null: the product's file (embedded).</summary>
    public string? QueuesConfText { get; set; }

    public string? QueuesConfPath { get; set; }

    /// <summary>Optional pjsip.conf whose endpoints are added to the agent phones (e.g. the lab's 6003 customer phone).</summary>
    public string? PjsipConfText { get; set; }

    public string? PjsipConfPath { get; set; }

    /// <summary>manager.conf <c>timestampevents</c>: a <c>Timestamp:</c> line after <c>Privilege:</c> in every event.</summary>
    public bool TimestampEvents { get; set; } = true;

    /// <summary>How long Asterisk waits before answering a wrong secret (simulated time).</summary>
    public TimeSpan FailedLoginDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>manager.conf <c>writetimeout</c>: a client that stops reading this long is disconnected.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromMilliseconds(5000);

    /// <summary>How simulated time moves.</summary>
    public SimClockMode Clock { get; set; } = SimClockMode.AutoAdvance;

    /// <summary>Simulated time at start; null = now. Uniqueids and timestamps derive from it.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>AutoAdvance: how long (real time) the simulator must be idle before the clock jumps to the next timer.</summary>
    public TimeSpan AutoAdvanceQuietPeriod { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long (simulated time) a restarted Asterisk refuses AMI and ARI clients before it is fully booted again.</summary>
    public TimeSpan RestartDowntime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Seed of every random choice (random strategy, ids, load generation): same seed, same run.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Where MixMonitor puts relative file names (asterisk.conf <c>astspooldir</c>/monitor).</summary>
    public string MonitorDirectory { get; set; } = "/var/spool/asterisk/monitor";

    /// <summary>Length of sounds by name (no <c>sound:</c> prefix); others last <see cref="DefaultSoundDuration"/>.</summary>
    public IDictionary<string, TimeSpan> SoundDurations { get; set; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        // Measured in the lab traces (PlaybackStarted → PlaybackFinished).
        ["agent-loginok"] = TimeSpan.FromMilliseconds(1760),
        ["agent-loggedoff"] = TimeSpan.FromMilliseconds(1461),
        ["beep"] = TimeSpan.FromMilliseconds(440),
    };

    public TimeSpan DefaultSoundDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Emit AMI <c>Cdr</c> events (Asterisk does only with cdr_manager enabled; the lab had it off).</summary>
    public bool CdrEvents { get; set; }

    public string AsteriskVersion { get; set; } = "22.10.1";

    /// <summary>ARI <c>asterisk_id</c> / entity id.</summary>
    public string EntityId { get; set; } = "02:fc:00:00:00:01";

    /// <summary>Value of the SIPDOMAIN variable set on calls from phones.</summary>
    public string SipDomain { get; set; } = "127.0.0.1";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        static void Fail(string key, string why) => throw new ArgumentException($"PbxSimulator:{key} {why}");
        if (AmiPort is < 0 or > 65535)
        {
            Fail(nameof(AmiPort), $"must be 0-65535, was {AmiPort}");
        }
        if (AriPort is < 0 or > 65535)
        {
            Fail(nameof(AriPort), $"must be 0-65535, was {AriPort}");
        }
        if (AmiPort != 0 && AmiPort == AriPort)
        {
            Fail(nameof(AriPort), $"must differ from AmiPort ({AmiPort})");
        }
        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            Fail(nameof(BindAddress), $"must be an IP address, was '{BindAddress}'");
        }
        if (string.IsNullOrWhiteSpace(Username))
        {
            Fail(nameof(Username), "is required");
        }
        if (string.IsNullOrEmpty(Secret))
        {
            Fail(nameof(Secret), "is required");
        }
        if (Agents is < 0 or > 3999)
        {
            Fail(nameof(Agents), $"must be 0-3999 (phones 6001…9999), was {Agents}");
        }
        foreach (var (key, value) in new[] { (nameof(ReadClasses), ReadClasses), (nameof(WriteClasses), WriteClasses) })
        {
            try
            {
                EventClasses.ParseList(value);
            }
            catch (ArgumentException ex)
            {
                Fail(key, ex.Message);
            }
        }
        if (WriteTimeout < TimeSpan.FromMilliseconds(100))
        {
            Fail(nameof(WriteTimeout), $"must be at least 100 ms (Asterisk's minimum), was {WriteTimeout.TotalMilliseconds} ms");
        }
        if (RestartDowntime < TimeSpan.Zero)
        {
            Fail(nameof(RestartDowntime), "must not be negative");
        }
        if (FailedLoginDelay < TimeSpan.Zero)
        {
            Fail(nameof(FailedLoginDelay), "must not be negative");
        }
        if (AutoAdvanceQuietPeriod <= TimeSpan.Zero)
        {
            Fail(nameof(AutoAdvanceQuietPeriod), "must be positive");
        }
        foreach (var (key, path) in new[] { (nameof(ExtensionsConfPath), ExtensionsConfPath), (nameof(QueuesConfPath), QueuesConfPath), (nameof(PjsipConfPath), PjsipConfPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                Fail(key, $"'{path}' does not exist");
            }
        }
    }

    internal IReadOnlyDictionary<string, string> EffectiveAriUsers =>
        AriUsers.Count > 0 ? new Dictionary<string, string>(AriUsers, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal) { [Username] = Secret };
}
