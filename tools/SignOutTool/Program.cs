// dotnet run --project tools/SignOutTool -- mint [--sub S] [--root UUID | --no-root] [--connector ID] [--settings F]
// dotnet run -c Release --project tools/SignOutTool -- load (--url URL | --in-process --storage CONN) [options]
using SignOutTool;
using SignOutTool.Cost;

return args.FirstOrDefault() switch
{
    "mint" => MintCommand.Run(args[1..]),
    "signout" => await SignOutCommand.RunAsync(args[1..]).ConfigureAwait(false),
    "load" => await LoadCommand.RunAsync(args[1..]).ConfigureAwait(false),
    "startup" => await StartupCommand.RunAsync(args[1..]).ConfigureAwait(false),
    "cost" => await CostCommand.RunAsync(args[1..]).ConfigureAwait(false),
    FloorCommand.Name => await FloorCommand.RunAsync(args[1..]).ConfigureAwait(false),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          SignOutTool mint [--sub SUBJECT] [--root UUID | --no-root] [--connector ID] [--settings local.settings.json]
          SignOutTool signout --storage CONNECTION [--connector ID] [--settings local.settings.json]
          SignOutTool load --url http://localhost:7071/session/token [--requests 2000] [--concurrency 16] [--families 500] [--settings local.settings.json]
          SignOutTool load --in-process --storage CONNECTION [--prefill 0] [--requests ...] [--concurrency ...] [--families ...]
          SignOutTool startup --storage CONNECTION [--settings local.settings.json]
          SignOutTool cost --storage CONNECTION [--requests 2000] [--concurrency 16] [--rounds 4] [--warmup 4000] [--set NAME=VALUE ...] [--settings local.settings.json]
        """);
    return 2;
}
