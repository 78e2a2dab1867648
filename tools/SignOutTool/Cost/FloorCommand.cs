using System.Text.Json;
using Azure.Data.Tables;
using SessionFunctions.Revocation;

namespace SignOutTool.Cost;

/// <summary>
/// The floor of <c>cost</c>: a bare <see cref="TableClient.AddEntityAsync{T}"/> of an entity shaped like a
/// revocation record, default client options. It runs as a child process that <c>cost</c> drives batch by batch
/// (a line <c>REQUESTS CONCURRENCY</c> in, a <see cref="BatchCost"/> as one JSON line out), because the product's
/// telemetry listens to every HttpClient in its process and would otherwise charge the floor too.
/// </summary>
internal static class FloorCommand
{
    public const string Name = "cost-floor";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        if (arguments.Value("--storage") is not { } storage || arguments.Value("--table") is not { } tableName)
        {
            Console.Error.WriteLine($"{Name} needs --storage CONNECTION and --table NAME (it is started by cost).");
            return 2;
        }

        var table = new TableClient(storage, tableName);
        try
        {
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or AggregateException)
        {
            Console.Error.WriteLine($"the floor could not create its table ({exception.GetType().Name}).");
            return 3;
        }

        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var families = Enumerable.Range(0, int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture))
                .Select(_ => TokenFamily.FromRootId(Guid.NewGuid().ToString()))
                .ToArray();
            var cost = await BatchCost.MeasureAsync(families, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), (family, ct) => InsertAsync(table, family, ct)).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(cost));
        }

        return 0;
    }

    private static async Task<(int, int)> InsertAsync(TableClient table, string family, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        using var response = await table.AddEntityAsync(
            new RevocationRecord
            {
                PartitionKey = family,
                Subject = "floor",
                RevokedAt = now,
                Reason = "sign-out",
                FamilySource = "root",
                TokenExpiresAt = now.AddDays(30),
                RetainUntil = now.AddDays(30),
                CorrelationId = Guid.NewGuid().ToString("D"),
            },
            cancellationToken).ConfigureAwait(false);
        return (response.Status == 204 ? 200 : response.Status, 0);
    }
}
