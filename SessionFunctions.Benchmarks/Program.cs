using BenchmarkDotNet.Running;

// dotnet run -c Release --project SessionFunctions.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SessionFunctions.Benchmarks.BenchmarkToken).Assembly).Run(args);
