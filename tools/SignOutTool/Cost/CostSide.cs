namespace SignOutTool.Cost;

/// <summary>What a side of <c>cost</c> runs in its process.</summary>
public enum CostSide
{
    /// <summary>The product composed as Program.cs composes it; each call a sign-out with a fresh token.</summary>
    Product,

    /// <summary><see cref="InsertFunction"/> in the worker composed as the app composes it; each call one insert.</summary>
    Floor,
}
