namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// What Asterisk answered to an action: the response frame and, for list actions
/// (<c>EventList: start</c> … <c>EventList: Complete</c>), the item events and the closing event.
/// </summary>
public sealed class AmiResponse
{
    internal AmiResponse(string action, string actionId, AmiFrame frame, IReadOnlyList<AmiFrame> items, AmiFrame? listComplete)
    {
        Action = action;
        ActionId = actionId;
        Frame = frame;
        Items = items;
        ListComplete = listComplete;
    }

    public string Action { get; }

    public string ActionId { get; }

    /// <summary>The <c>Response:</c> frame.</summary>
    public AmiFrame Frame { get; }

    /// <summary>List items in arrival order (empty for plain actions).</summary>
    public IReadOnlyList<AmiFrame> Items { get; }

    /// <summary>The <c>…Complete</c> event that closed a list, or null for plain actions.</summary>
    public AmiFrame? ListComplete { get; }

    /// <summary>Stream position of the last frame of this response (see <see cref="AmiFrame.Sequence"/>).</summary>
    public long Sequence => (ListComplete ?? Frame).Sequence;

    /// <summary>The <c>Message</c> header, if any.</summary>
    public string? Message => Frame.Get("Message");

    /// <summary>First value of a header of the response frame.</summary>
    public string? this[string key] => Frame.Get(key);
}
