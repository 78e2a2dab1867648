namespace SignOutTool.Cost;

/// <summary>One floor of a <c>cost</c> run: its child process and the batches it ran.</summary>
internal sealed class Floor(FloorKind kind, FloorProcess process) : IDisposable
{
    public FloorKind Kind => kind;

    public FloorProcess Process => process;

    public List<BatchCost> Batches { get; } = [];

    public void Dispose() => process.Dispose();
}
