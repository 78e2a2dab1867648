using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SessionFunctions.Tests.Support;

/// <summary>
/// A real Azurite Table service on a free loopback port, started from the pinned npm package in tools/azurite.
/// When it cannot start, the tests that need it fail with the reason: they never pass without it.
/// </summary>
public sealed class AzuriteTable : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string? _location;
    private Process? _process;

    private AzuriteTable(int port, string? location)
    {
        Port = port;
        _location = location;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static string EntryPoint => RepositoryRoot.Combine("tools", "azurite", "node_modules", "azurite", "dist", "src", "table", "main.js");

    /// <summary>Starts Azurite in memory, or persisting to <paramref name="location"/> so that a restart keeps the data.</summary>
    public static async Task<AzuriteTable> StartAsync(string? location = null)
    {
        var azurite = new AzuriteTable(FreePort(), location);
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts the service again on the same port (with empty storage unless it persists to disk).</summary>
    public async Task RestartAsync()
    {
        if (!File.Exists(EntryPoint))
        {
            throw new InvalidOperationException($"Azurite is not installed at {EntryPoint}. Run: npm ci --prefix tools/azurite");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { EntryPoint, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--disableTelemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _location is null ? ["--inMemoryPersistence"] : new[] { "--location", _location })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it listened on port {Port}.");
            }

            if (await IsListeningAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Azurite did not listen on port {Port} within 30 s.");
    }

    /// <summary>Stops the service, as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Stops the service as a restart would: SIGINT, on which Azurite closes its server and saves its data.</summary>
    public async Task StopGracefullyAsync()
    {
        if (_process is { HasExited: false })
        {
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(patience.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> IsListeningAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
