// dotnet run --project tools/SignOutTool -- --help      (every command: mint, signout, load, startup, cost)
using SignOutTool;

return await ToolCommandLine.InvokeAsync(args).ConfigureAwait(false);
