namespace SignOutTool.Cost;

/// <summary>
/// A temp folder of one measuring process's own, to be its <c>TMPDIR</c>. The Application Insights channel keeps
/// what it could not send (a loopback sink is gone when a measuring process ends) in a folder under the temp path
/// keyed by the app's base directory and key, and the next process from the same directory sends that backlog
/// first. Every process of a <c>cost</c> run shares the tool's base directory and the sink's key, so without this
/// they would send each other's items (seen: 60 leftover transmissions, and a floor that then counted none of its
/// own dependencies in its batch).
/// </summary>
internal sealed class PrivateTempFolder : IDisposable
{
    private PrivateTempFolder(string path) => Path = path;

    public string Path { get; }

    public static PrivateTempFolder Create() => new(Directory.CreateTempSubdirectory("signouttool-").FullName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere leaves the folder to the system's temp clean-up.
        }
    }
}
