using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace SessionFunctions.Tests.Support;

/// <summary>Sign-out hosts wired to a real table, with every storage request counted.</summary>
public static class TableHosts
{
    /// <summary>The name Microsoft.Extensions.Azure gives the client registered without a name.</summary>
    private const string DefaultClientName = "Default";

    public static SignOutHost Create(
        string connectionString,
        string tableName,
        RequestCounter? counter = null,
        Action<Dictionary<string, string?>>? configure = null,
        bool realClock = false,
        Action<IServiceCollection>? services = null) =>
        SignOutHost.Create(
            settings =>
            {
                settings["Revocation:TableName"] = tableName;
                configure?.Invoke(settings);
            },
            storageConnection: connectionString,
            services: collection =>
            {
                if (counter is not null)
                {
                    collection.Configure<TableClientOptions>(DefaultClientName, o => o.AddPolicy(counter, HttpPipelinePosition.PerRetry));
                }

                services?.Invoke(collection);
            },
            realClock: realClock);

    public static TableClient Table(string connectionString, string tableName) => new(connectionString, tableName);

    public static async Task<List<TableEntity>> ReadAllAsync(string connectionString, string tableName)
    {
        var list = new List<TableEntity>();
        await foreach (var entity in Table(connectionString, tableName).QueryAsync<TableEntity>())
        {
            list.Add(entity);
        }

        return list;
    }
}
