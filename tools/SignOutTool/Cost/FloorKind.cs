namespace SignOutTool.Cost;

/// <summary>What a floor of <c>cost</c> puts around the same table insert.</summary>
public enum FloorKind
{
    /// <summary>Nothing: a bare <c>AddEntityAsync</c>, default client options.</summary>
    Bare,

    /// <summary>The worker's Application Insights SDK alone, every insert reported as a dependency (sampling off).</summary>
    Telemetry,

    /// <summary>
    /// A one-insert HTTP function answering a fixed envelope, in the worker as this app configures it (telemetry
    /// included) and called as sign-out is called.
    /// </summary>
    Function,
}
