namespace ContactCenter.Asterisk.Ami;

/// <summary>An action waiting for its response (and, for list actions, for its list to complete).</summary>
internal sealed class PendingAction
{
    private List<AmiFrame>? _items;

    public PendingAction(string action, string actionId, bool isLogin)
    {
        Action = action;
        ActionId = actionId;
        IsLogin = isLogin;
    }

    public string Action { get; }

    public string ActionId { get; }

    /// <summary>The login action: its success is announced as <see cref="AmiStreamItemKind.Connected"/> by the read loop.</summary>
    public bool IsLogin { get; }

    public TaskCompletionSource<AmiResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the response said <c>EventList: start</c>; items follow as events.</summary>
    public AmiFrame? ListStart { get; private set; }

    public void StartList(AmiFrame response)
    {
        ListStart = response;
        _items = [];
    }

    public void AddItem(AmiFrame item) => _items!.Add(item);

    public void Succeed(AmiFrame response) => Completion.TrySetResult(new AmiResponse(Action, ActionId, response, [], null));

    public void CompleteList(AmiFrame complete) => Completion.TrySetResult(new AmiResponse(Action, ActionId, ListStart!, _items!, complete));

    public void Fail(Exception error) => Completion.TrySetException(error);
}
