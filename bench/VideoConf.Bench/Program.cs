using System.Globalization;
using VideoConf.Bench;

// Benchmark tools: `run` measures the quality bars and writes docs/benchmarks.md (see bench/run);
// `realtime` measures only P9–P10 and prints them; `start-latency` is P10's child process; `seed` loads a store; `ratelimit-memory` measures the limiter alone.
return args.FirstOrDefault() switch
{
    "run" => await Runner.RunAsync(RunOptionsFrom(args)),
    "realtime" => await Runner.RunRealtimeAsync(RunOptionsFrom(args)),
    "start-latency" => await StartLatency.RunAsync(args),
    "seed" => await SeedAsync(args),
    "ratelimit-memory" => await RateLimiterMemory.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static async Task<int> SeedAsync(string[] args)
{
    var seeded = await Seeder.SeedAsync(Option(args, "--provider") ?? "sqlite", Option(args, "--connection") ?? "Data Source=bench.db",
        int.Parse(Option(args, "--calls") ?? "1000000", CultureInfo.InvariantCulture));
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(seeded));
    return 0;
}

static RunOptions RunOptionsFrom(string[] args) => new(
    ServerDll: Option(args, "--server") ?? throw new ArgumentException("--server <VideoConf.Server.dll> is required"),
    CeilingDll: Option(args, "--ceiling") ?? throw new ArgumentException("--ceiling <VideoConf.Ceiling.dll> is required"),
    WorkDirectory: Option(args, "--work") ?? "bench/results",
    ReportPath: Option(args, "--report") ?? "docs/benchmarks.md",
    Calls: int.Parse(Option(args, "--calls") ?? "1000000", CultureInfo.InvariantCulture),
    PostgresConnection: Option(args, "--postgres"));

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine("usage: VideoConf.Bench run|realtime --server <dll> --ceiling <dll> [--work <dir>] [--calls N] [--postgres <connection>] | seed --provider sqlite|postgres --connection <cs> --calls N | ratelimit-memory [keys]");
    return 2;
}
