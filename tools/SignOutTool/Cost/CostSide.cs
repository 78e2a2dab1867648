namespace SignOutTool.Cost;

/// <summary>What a side of <c>cost</c> or <c>startup</c> runs: the product as Program.cs composes it, or the <see cref="InsertFunction"/> floor in the worker composed the same way.</summary>
public enum CostSide
{
    Product,
    Floor,
}
