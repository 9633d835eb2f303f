using BenchmarkDotNet.Running;

// Micro-benchmarks of the hot paths: `dotnet run -c Release --project bench/VideoConf.Micro -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(VideoConf.Micro.HotPaths).Assembly).Run(args);
