namespace ContactCenter.Hosting.Api;

/// <summary>Claims of an authenticated API key besides its name and role.</summary>
public static class ApiClaims
{
    /// <summary>The agent number an <c>agent</c> key acts as.</summary>
    public const string Agent = "contactcenter:agent";
}
