using System.Text;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.Asterisk.Tests.Ami;

[TestFixture]
public sealed class AmiFrameReaderHostileInputTests
{
    private static byte[] Ascii(string s) => Encoding.UTF8.GetBytes(s);

    [Test]
    public void A_line_without_a_colon_makes_a_malformed_frame_and_the_next_frame_still_reads()
    {
        var frames = FrameFeeder.ReadAll(Ascii("Event: Newchannel\r\nthis line has no colon\r\nUniqueid: 1.1\r\n\r\nEvent: Hangup\r\nUniqueid: 1.1\r\n\r\n"));

        Assert.That(frames, Has.Count.EqualTo(2));
        Assert.That(frames[0].Result, Is.EqualTo(AmiReadResult.MalformedFrame));
        Assert.That(frames[0].Frame.MalformedReason, Does.Contain("without a colon"));
        Assert.That(frames[0].Frame.MalformedLine, Is.EqualTo("this line has no colon"));
        Assert.That(frames[0].Frame["Uniqueid"], Is.EqualTo("1.1"), "well-formed lines of a malformed frame are kept for diagnostics");
        Assert.That(frames[1].Result, Is.EqualTo(AmiReadResult.Frame));
        Assert.That(frames[1].Frame.EventNameString, Is.EqualTo("Hangup"));
    }

    [Test]
    public void A_lone_CR_inside_a_line_makes_a_malformed_frame()
    {
        var frames = FrameFeeder.ReadAll(Ascii("Event: VarSet\r\nValue: a\rb\r\n\r\nEvent: Ok\r\n\r\n"));

        Assert.That(frames[0].Result, Is.EqualTo(AmiReadResult.MalformedFrame));
        Assert.That(frames[0].Frame.MalformedReason, Does.Contain("lone CR"));
        Assert.That(frames[1].Frame.EventNameString, Is.EqualTo("Ok"));
    }

    [Test]
    public void A_lone_CR_at_any_position_of_a_long_frame_is_caught_and_only_that_frame_is_malformed()
    {
        // Long enough for several 64-byte blocks, so the CR lands on every block offset, including the
        // last byte of a block whose follower is in the next block.
        var frame = "Event: VarSet\r\nChannel: PJSIP/6001-00000005\r\nVariable: RTPAUDIOQOS\r\nValue: " + new string('v', 300) + "\r\nUniqueid: 1.5\r\n\r\n";
        var next = "Event: Hangup\r\nCause: 16\r\n\r\n";
        var valueStart = frame.IndexOf("vvv", StringComparison.Ordinal);
        for (var position = valueStart; position < valueStart + 300; position++)
        {
            var bytes = Ascii(frame[..position] + "\r" + frame[(position + 1)..] + next);

            var frames = FrameFeeder.ReadAll(bytes);

            Assert.That(frames.Select(f => f.Result), Is.EqualTo(new[] { AmiReadResult.MalformedFrame, AmiReadResult.Frame }), $"CR at {position}");
            Assert.That(frames[0].Frame.MalformedReason, Does.Contain("lone CR"));
        }
    }

    [Test]
    public void Valid_CRLF_line_ends_on_every_block_boundary_are_not_mistaken_for_lone_CRs()
    {
        for (var padding = 0; padding < 130; padding++)
        {
            var bytes = Ascii("Event: X\r\nA: " + new string('a', padding) + "\r\nB: b\r\nC: " + new string('c', 70) + "\r\n\r\n");

            var frames = FrameFeeder.ReadAll(bytes);

            Assert.That(frames.Single().Result, Is.EqualTo(AmiReadResult.Frame), $"padding {padding}");
            Assert.That(frames[0].Frame["A"], Has.Length.EqualTo(padding));
        }
    }

    [Test]
    public void A_frame_of_exactly_the_maximum_size_is_read_and_one_byte_more_is_refused()
    {
        const int max = 4096;
        var head = "Event: Big\r\nData: ";
        var tail = "\r\n\r\n";
        var exact = Ascii(head + new string('d', max - head.Length - tail.Length) + tail);
        var over = Ascii(head + new string('d', max - head.Length - tail.Length + 1) + tail);

        var reader = new AmiFrameReader(max);
        var buffer = new System.Buffers.ReadOnlySequence<byte>(exact);
        var frame = new AmiFrame();

        Assert.That(reader.TryReadFrame(ref buffer, frame), Is.EqualTo(AmiReadResult.Frame));
        Assert.That(frame.WireLength, Is.EqualTo(max));
        var overBuffer = new System.Buffers.ReadOnlySequence<byte>(over);
        Assert.Throws<AmiProtocolException>(() => new AmiFrameReader(max).TryReadFrame(ref overBuffer, new AmiFrame()));
    }

    [Test]
    public void A_two_MiB_line_without_newline_is_refused_once_it_passes_the_limit_not_buffered()
    {
        var feeder = new FrameFeeder();
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'A');
        var fed = 0;

        var error = Assert.Throws<AmiProtocolException>(() =>
        {
            while (fed < 2 * 1024 * 1024)
            {
                feeder.Feed(chunk);
                fed += chunk.Length;
            }
        });

        Assert.That(error!.Message, Does.Contain("maximum frame size of 1048576 bytes"));
        Assert.That(fed, Is.LessThanOrEqualTo(AmiFrameReader.DefaultMaxFrameBytes));
    }

    [Test]
    public void A_two_MiB_frame_of_valid_lines_without_a_blank_line_is_refused()
    {
        var line = Ascii("Variable: " + new string('x', 1000) + "\r\n");
        var feeder = new FrameFeeder();

        Assert.Throws<AmiProtocolException>(() =>
        {
            for (var i = 0; i < 2 * 1024; i++)
            {
                feeder.Feed(line);
            }
        });
    }

    [Test]
    public void A_two_MiB_line_fed_one_byte_at_a_time_is_refused_in_linear_time()
    {
        // Like a pipe: the bytes of the partial line stay in front of each new byte. A reader that rescanned
        // the partial line on every call would need ~5e11 byte comparisons here and time out.
        var reader = new AmiFrameReader();
        var frame = new AmiFrame();
        var stream = new byte[2 * 1024 * 1024];
        Array.Fill(stream, (byte)'z');
        var start = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<AmiProtocolException>(() =>
        {
            for (var filled = 1; filled <= stream.Length; filled++)
            {
                var buffer = new System.Buffers.ReadOnlySequence<byte>(stream, start, filled - start);
                reader.TryReadFrame(ref buffer, frame);
                start = (int)(filled - buffer.Length);
            }
        });

        Assert.That(error!.Message, Does.Contain("maximum frame size"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Binary_garbage_never_hangs_and_yields_only_malformed_or_keyed_frames()
    {
        var random = new Random(20261121);
        var garbage = new byte[512 * 1024];
        random.NextBytes(garbage);
        var feeder = new FrameFeeder();

        for (var offset = 0; offset < garbage.Length; offset += 1500)
        {
            feeder.Feed(garbage.AsMemory(offset, Math.Min(1500, garbage.Length - offset)));
        }

        Assert.That(feeder.Frames, Is.Not.Empty);
        Assert.That(feeder.Frames.All(f => f.Result == AmiReadResult.MalformedFrame || f.Frame.FieldCount > 0));
    }

    [Test]
    public void Bare_LF_line_ends_read_the_same_as_CRLF()
    {
        var crlf = FrameFeeder.ReadAll(Ascii("Event: Hangup\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n"));
        var lf = FrameFeeder.ReadAll(Ascii("Event: Hangup\nCause: 16\nCause-txt: Normal Clearing\n\n"));

        Assert.That(lf.Select(f => f.Frame.ToList()), Is.EqualTo(crlf.Select(f => f.Frame.ToList())));
    }

    [Test]
    public void Keys_are_case_insensitive()
    {
        var frame = FrameFeeder.ReadAll(Ascii("event: Newstate\r\nactionid: x-1\r\nCHANNELSTATE: 6\r\n\r\n"))[0].Frame;

        Assert.That(frame.Kind, Is.EqualTo(AmiFrameKind.Event));
        Assert.That(frame.EventNameString, Is.EqualTo("Newstate"));
        Assert.That(frame.ActionId, Is.EqualTo("x-1"));
        Assert.That(frame["ChannelState"], Is.EqualTo("6"));
    }

    [Test]
    public void UTF8_split_across_reads_is_decoded_whole()
    {
        var bytes = Ascii("Event: Newchannel\r\nCallerIDName: José 🎧 Núñez\r\n\r\n");
        for (var split = 1; split < bytes.Length; split++)
        {
            var frame = FrameFeeder.ReadAll(bytes, split)[0].Frame;
            Assert.That(frame["CallerIDName"], Is.EqualTo("José 🎧 Núñez"), $"split at {split}");
        }
    }

    [Test]
    public void Blank_lines_between_frames_are_ignored()
    {
        var frames = FrameFeeder.ReadAll(Ascii("\r\n\r\nEvent: A\r\n\r\n\r\n\nEvent: B\r\n\r\n"));

        Assert.That(frames.Select(f => f.Frame.EventNameString), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void Banner_is_one_line_without_a_blank_line_after_it()
    {
        var buffer = new System.Buffers.ReadOnlySequence<byte>(Ascii("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\n"));

        Assert.That(AmiFrameReader.TryReadBanner(ref buffer, 1024, out var banner), Is.True);
        Assert.That(banner, Is.EqualTo("Asterisk Call Manager/11.0.0"));
        Assert.That(Encoding.ASCII.GetString(System.Buffers.BuffersExtensions.ToArray(buffer)), Is.EqualTo("Response: Success\r\n"));
    }
}
