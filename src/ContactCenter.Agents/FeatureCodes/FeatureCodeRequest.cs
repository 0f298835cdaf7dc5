namespace ContactCenter.Agents.FeatureCodes;

/// <summary>What a dialled feature code asks for.</summary>
internal enum FeatureCodeAction
{
    Login,
    Pause,
    Unpause,
    Logout,

    /// <summary>Not a valid code: see <see cref="FeatureCodeRequest.Problem"/>.</summary>
    Malformed,
}

/// <summary>A parsed feature code: the action and its argument (agent number or pause code).</summary>
internal sealed record FeatureCodeRequest(FeatureCodeAction Action, string Argument, string? Problem = null)
{
    public static FeatureCodeRequest Malformed(string problem) => new(FeatureCodeAction.Malformed, string.Empty, problem);
}
