namespace SignOutTool.Cost;

/// <summary>
/// Every floor of one <c>cost</c> run, one child process per <see cref="FloorKind"/>, each writing its own table.
/// The bare insert is the floor the targets are set against; the others tell the telemetry's share (the dependency
/// every sign-out must report) and the worker's (a one-insert function in the same worker) from the app's own.
/// </summary>
internal sealed class FloorSet : IDisposable
{
    private FloorSet(Floor[] all) => All = all;

    public IReadOnlyList<Floor> All { get; }

    public Floor Bare => All.Single(floor => floor.Kind == FloorKind.Bare);

    public static FloorSet Start(string storage, string run) =>
        new(Enum.GetValues<FloorKind>().Select(kind => new Floor(kind, FloorProcess.Start(storage, $"costfloor{kind}{run}".ToLowerInvariant(), kind))).ToArray());

    public void Dispose()
    {
        foreach (var floor in All)
        {
            floor.Dispose();
        }
    }
}
