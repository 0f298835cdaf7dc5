namespace ContactCenter.Asterisk.Ami;

/// <summary>Outcome of one <see cref="AmiFrameReader.TryReadFrame"/> call.</summary>
public enum AmiReadResult
{
    /// <summary>No complete frame in the bytes given; call again with more.</summary>
    NeedMoreData,

    /// <summary>A complete, well-formed frame was read.</summary>
    Frame,

    /// <summary>
    /// A complete frame was read but one of its lines was not <c>Key: Value</c> (no colon, a lone CR).
    /// The frame was consumed up to its blank line, so the stream stays in sync; its well-formed lines
    /// are kept and <see cref="AmiFrame.MalformedReason"/> says what was wrong.
    /// </summary>
    MalformedFrame,
}
