using BenchmarkDotNet.Running;

// dotnet run -c Release --project SessionFunctions.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SessionFunctions.Benchmarks.SignOutValidationBenchmarks).Assembly).Run(args);
