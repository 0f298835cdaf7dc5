using ContactCenter.Asterisk.Ami;

namespace ContactCenter.Asterisk.Tests.Ami;

[TestFixture]
public sealed class AmiFrameReaderTraceTests
{
    private static IEnumerable<string> Traces() => TraceFiles.AmiTraceNames();

    [TestCaseSource(nameof(Traces))]
    public void Every_frame_of_a_real_trace_is_read_as_the_naive_split_reads_it(string trace)
    {
        var bytes = TraceFiles.ReadBytes(trace);
        var (_, expected) = NaiveAmiOracle.Parse(bytes);

        var frames = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(bytes));

        Assert.That(frames.Select(f => f.Result), Is.All.EqualTo(AmiReadResult.Frame));
        Assert.That(frames.Select(f => f.Frame.ToList()), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Traces))]
    public void A_trace_fed_one_byte_at_a_time_gives_the_same_frames(string trace)
    {
        var bytes = NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes(trace));
        var whole = FrameFeeder.ReadAll(bytes).Select(f => f.Frame.ToString()).ToList();

        var feeder = new FrameFeeder();
        for (var i = 0; i < bytes.Length; i++)
        {
            feeder.Feed(bytes.AsMemory(i, 1));
        }

        Assert.That(feeder.Frames.Select(f => f.Frame.ToString()), Is.EqualTo(whole));
    }

    [TestCaseSource(nameof(Traces))]
    public void A_trace_split_at_every_position_gives_the_same_frames(string trace)
    {
        // Every byte position of the file is tried as a split point, within a window of two frames so that
        // the splits also fall on and around frame boundaries, without re-reading the whole file each time.
        var bytes = NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes(trace));
        var boundaries = FrameBoundaries(bytes);
        var failures = new List<string>();
        for (var f = 0; f + 1 < boundaries.Count; f++)
        {
            var start = boundaries[f];
            var end = boundaries[Math.Min(f + 2, boundaries.Count - 1)];
            var window = bytes[start..end];
            var expected = FrameFeeder.ReadAll(window).Select(x => x.Frame.ToString()).ToList();
            for (var split = 1; split < window.Length; split++)
            {
                var got = FrameFeeder.ReadAll(window, split).Select(x => x.Frame.ToString()).ToList();
                if (!got.SequenceEqual(expected))
                {
                    failures.Add($"offset {start + split}");
                }
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void OriginateResponse_is_an_event_even_though_it_carries_Response_and_ActionID()
    {
        var frames = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes("ami-08-ami-originate.txt")));

        var originate = frames.Single(f => f.Frame.EventNameString == "OriginateResponse").Frame;

        Assert.That(originate.Kind, Is.EqualTo(AmiFrameKind.Event));
        Assert.That(originate.ActionId, Is.EqualTo("orig-8"));
        Assert.That(originate["Response"], Is.EqualTo("Success"));
        Assert.That(originate["Reason"], Is.EqualTo("4"));
    }

    [Test]
    public void List_items_carry_the_list_ActionID_last_and_no_Privilege()
    {
        var frames = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes("ami-05-queue-actions.txt")));

        var member = frames.First(f => f.Frame.EventNameString == "QueueMember").Frame;

        Assert.That(member.Get("Privilege"), Is.Null);
        Assert.That(System.Text.Encoding.ASCII.GetString(member.KeyAt(member.FieldCount - 1)), Is.EqualTo("ActionID"));
        Assert.That(member.ActionId, Is.EqualTo("qstatus-1"));
        Assert.That(member["PausedReason"], Is.EqualTo(string.Empty));
    }

    [Test]
    public void Repeated_Output_lines_of_a_Command_response_are_all_kept_in_order()
    {
        var frames = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes("ami-10-restart.txt")));

        var modules = frames.Single(f => f.Frame.ActionId == "cmd-mod").Frame;
        var output = modules.GetAll("Output");

        Assert.That(output, Has.Count.EqualTo(14));
        Assert.That(output[0], Does.StartWith("Module "));
        Assert.That(output[^1], Is.EqualTo("12 modules loaded"));
    }

    [Test]
    public void A_value_keeps_its_colons_and_its_own_leading_spaces()
    {
        var userEvent = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes("ami-09-ami-featurecode-userevent.txt")))
            .Select(f => f.Frame).First(f => f["Application"] == "UserEvent");
        var loss = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes("ami-01-featurecode-login.txt")))
            .Select(f => f.Frame).First(f => f["Variable"] == "RTPAUDIOQOSLOSS");

        Assert.That(userEvent["AppData"], Is.EqualTo("AgentFeatureCode,Code: **91210,Interface: PJSIP/6001"));
        Assert.That(loss["Value"], Does.StartWith("  minrxlost=000.000000;"));
    }

    private static List<int> FrameBoundaries(byte[] bytes)
    {
        var boundaries = new List<int> { 0 };
        for (var i = 3; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r')
            {
                boundaries.Add(i + 1);
            }
        }
        if (boundaries[^1] != bytes.Length)
        {
            boundaries.Add(bytes.Length);
        }
        return boundaries;
    }
}
