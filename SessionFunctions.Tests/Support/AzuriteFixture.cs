namespace SessionFunctions.Tests.Support;

/// <summary>One Azurite for all integration test classes; each test uses a table of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteTable? _azurite;

    public AzuriteTable Azurite => _azurite ?? throw new InvalidOperationException("Azurite was not started.");

    public static string NewTableName() => "t" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync() => _azurite = await AzuriteTable.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
