using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VideoConf.Bench;

/// <summary>
/// Measures the bars P1–P10 of the quality spec against the ceiling in one run and rewrites docs/benchmarks.md.
/// Every speed figure is a ratio of two measurements taken in alternation (A B A B) in the same run.
/// </summary>
internal static class Runner
{
    private const int Connections = 32;
    private const int Seconds = 10;

    /// <summary>Each side is loaded this long, unmeasured, before its first measurement (JIT tiers, caches, pools).</summary>
    private const int WarmUpSeconds = 3;

    public static async Task<int> RunAsync(RunOptions options)
    {
        var rows = new List<Row>();
        var figures = new List<Figure>();
        var raw = new StringBuilder();
        var seeded = await SeedOnceAsync(options.WorkDirectory, options.Calls);
        var sqliteEnv = new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(options.WorkDirectory, "bench.db")}",
            ["Settings__API_Enable_Rate_Limiter"] = "true",
        };

        await using var ceiling = await ServerUnderTest.StartAsync(options.CeilingDll, 5101, new Dictionary<string, string>(), "/plain");
        var listPath = $"/api/v1/video-conference.list?roomId={seeded.RoomId}&count=50";

        // P8: start-up on the seeded store, from exec to the first 200 of /health/ready (best of three).
        var startups = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await using var probe = await ServerUnderTest.StartAsync(options.ServerDll, 5102, sqliteEnv, "/health/ready");
            startups.Add(probe.Startup.TotalSeconds);
        }
        raw.AppendLine(Invariant($"P8 start-up seconds: {string.Join(", ", startups.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}"));
        rows.Add(new Row("P8", "Start-up with the seeded SQLite store (exec → first 200 of /health/ready, best of 3)",
            Invariant($"{startups.Min():F2} s"), "≤ 1.5 s", startups.Min() <= 1.5));

        await using (var server = await ServerUnderTest.StartAsync(options.ServerDll, 5100, sqliteEnv, "/health/ready"))
        {
            var (userId, token) = await server.LoginAsync(seeded.Username, seeded.Password);
            string[] auth = [$"X-User-Id: {userId}", $"X-Auth-Token: {token}"];

            // P1: list page throughput against the ceiling's page.
            var (serverList, ceilingList) = await AlternateAsync(
                seconds => Measure.WrkAsync(server.BaseUrl + listPath, Connections, seconds, auth),
                seconds => Measure.WrkAsync(ceiling.BaseUrl + "/api/v1/video-conference.list", Connections, seconds, []),
                raw, "P1 list rps (server | ceiling)");
            var p1 = serverList / ceilingList;
            rows.Add(new Row("P1", Invariant($"list, count=50, room of {options.Calls:N0} calls, SQLite"),
                Invariant($"{serverList:F0} vs {ceilingList:F0} rps = {p1:F2}"), "≥ 0.70", p1 >= 0.70));

            // P5: peak RSS of the server during P1.
            var peak = Measure.ProcessMemoryMb(server.Pid, "VmHWM");
            rows.Add(new Row("P5", "Server peak RSS during P1", Invariant($"{peak:F0} MB"), "≤ 300 MB", peak <= 300));

            // The same load over random pages of the room, which are read from the store every time (only a room's
            // newest page is kept): what the store itself delivers, and the memory that costs.
            var spread = Path.Combine(options.WorkDirectory, "spread.lua");
            await File.WriteAllTextAsync(spread, LuaSpreadPages(seeded.RoomId, options.Calls));
            var (serverSpread, ceilingSpread) = await AlternateAsync(
                seconds => Measure.WrkAsync(server.BaseUrl + listPath, Connections, seconds, auth, spread),
                seconds => Measure.WrkAsync(ceiling.BaseUrl + "/api/v1/video-conference.list", Connections, seconds, []),
                raw, "P1 spread pages rps (server | ceiling)");
            figures.Add(new Figure("P1's load over random pages of the room (read from the store, not kept), SQLite",
                Invariant($"{serverSpread:F0} vs {ceilingSpread:F0} rps = {serverSpread / ceilingSpread:F2} of the ceiling")));
            figures.Add(new Figure("Server peak RSS after that load too", Invariant($"{Measure.ProcessMemoryMb(server.Pid, "VmHWM"):F0} MB")));

            // P2: deep page against first page, median of 200 sequential requests each.
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            http.DefaultRequestHeaders.Add("X-User-Id", userId);
            http.DefaultRequestHeaders.Add("X-Auth-Token", token);
            var deep = Math.Max(0, options.Calls - 50);
            var first = await Measure.MedianLatencyAsync(http, listPath + "&offset=0", 200);
            var last = await Measure.MedianLatencyAsync(http, listPath + $"&offset={deep}", 200);
            var p2 = last / first;
            raw.AppendLine(Invariant($"P2 median ms: offset 0 = {first:F3}, offset {deep} = {last:F3}"));
            rows.Add(new Row("P2", Invariant($"Deep page (offset={deep}) vs offset=0, median of 200"),
                Invariant($"{last:F2} ms vs {first:F2} ms = {p2:F2}"), "≤ 1.5", p2 <= 1.5));

            // P3: start throughput against the ceiling's plain text, in a room of its own, so the million-call room
            // keeps exactly the seeded calls from run to run.
            var startRoom = await server.CreateChannelAsync(userId, token, $"bench-start-{Guid.NewGuid():N}"[..24]);
            var script = Path.Combine(options.WorkDirectory, "start.lua");
            await File.WriteAllTextAsync(script, LuaPost(startRoom));
            var (serverStart, ceilingPlain) = await AlternateAsync(
                seconds => Measure.WrkAsync(server.BaseUrl + "/api/v1/video-conference.start", Connections, seconds, auth, script),
                seconds => Measure.WrkAsync(ceiling.BaseUrl + "/plain", Connections, seconds, []),
                raw, "P3 rps (server start | ceiling plain)");
            var p3 = serverStart / ceilingPlain;
            rows.Add(new Row("P3", "video-conference.start throughput vs plain text, SQLite",
                Invariant($"{serverStart:F0} vs {ceilingPlain:F0} rps = {p3:F3}"), "≥ 0.10", p3 >= 0.10));
        }

        // P9 and P10: the realtime API against bare WebSockets, each side in a process of its own.
        await MeasureRealtimeAsync(options, sqliteEnv, seeded, rows, raw);

        // P6: count=0 over the whole room on a fresh server; growth of peak RSS over the warmed-up baseline.
        await using (var server = await ServerUnderTest.StartAsync(options.ServerDll, 5103, sqliteEnv, "/health/ready"))
        {
            var (userId, token) = await server.LoginAsync(seeded.Username, seeded.Password);
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Add("X-User-Id", userId);
            http.DefaultRequestHeaders.Add("X-Auth-Token", token);
            await Measure.MedianLatencyAsync(http, listPath, 20);
            var baseline = Measure.ProcessMemoryMb(server.Pid, "VmHWM");
            using var response = await http.GetAsync($"/api/v1/video-conference.list?roomId={seeded.RoomId}&count=0", HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var bytes = await CountBytesAsync(body);
            var growth = Measure.ProcessMemoryMb(server.Pid, "VmHWM") - baseline;
            raw.AppendLine(Invariant($"P6 count=0 streamed {bytes / 1048576.0:F0} MB; peak RSS {baseline:F0} MB before, +{growth:F0} MB"));
            rows.Add(new Row("P6", Invariant($"count=0 on the {options.Calls:N0}-call room ({bytes / 1048576.0:F0} MB streamed)"),
                Invariant($"peak RSS +{growth:F0} MB"), "completes; ≤ +50 MB", response.IsSuccessStatusCode && growth <= 50));
        }

        // P7: the rate limiter with 100,000 distinct keys, in-process.
        var limiter = await RateLimiterMemory.MeasureAsync(100_000);
        rows.Add(new Row("P7", "Rate limiter holding 100,000 distinct keys",
            Invariant($"{limiter.HeldMb:F1} MB; {limiter.WindowsAfterSweep} windows after expiry sweep"), "≤ 64 MB; reclaimed",
            limiter.HeldMb <= 64 && limiter.WindowsAfterSweep == 0));

        // P4: the list page on PostgreSQL, when a PostgreSQL database was given.
        if (options.PostgresConnection is { } postgres)
        {
            var pgRoom = await Seeder.SeedAsync("postgres", postgres, options.Calls);
            var pgEnv = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["ConnectionStrings__Postgres"] = postgres,
                ["Settings__API_Enable_Rate_Limiter"] = "true",
            };
            await using var server = await ServerUnderTest.StartAsync(options.ServerDll, 5104, pgEnv, "/health/ready");
            var (userId, token) = await server.LoginAsync(pgRoom.Username, pgRoom.Password);
            var (serverList, ceilingList) = await AlternateAsync(
                seconds => Measure.WrkAsync($"{server.BaseUrl}/api/v1/video-conference.list?roomId={pgRoom.RoomId}&count=50", Connections, seconds,
                    [$"X-User-Id: {userId}", $"X-Auth-Token: {token}"]),
                seconds => Measure.WrkAsync(ceiling.BaseUrl + "/api/v1/video-conference.list", Connections, seconds, []),
                raw, "P4 list rps on PostgreSQL (server | ceiling)");
            var p4 = serverList / ceilingList;
            var spread = Path.Combine(options.WorkDirectory, "spread-pg.lua");
            await File.WriteAllTextAsync(spread, LuaSpreadPages(pgRoom.RoomId, options.Calls));
            var (serverSpread, ceilingSpread) = await AlternateAsync(
                seconds => Measure.WrkAsync($"{server.BaseUrl}/api/v1/video-conference.list?roomId={pgRoom.RoomId}&count=50", Connections, seconds,
                    [$"X-User-Id: {userId}", $"X-Auth-Token: {token}"], spread),
                seconds => Measure.WrkAsync(ceiling.BaseUrl + "/api/v1/video-conference.list", Connections, seconds, []),
                raw, "P4 spread pages rps on PostgreSQL (server | ceiling)");
            figures.Add(new Figure("P4's load over random pages of the room (read from the store, not kept), PostgreSQL",
                Invariant($"{serverSpread:F0} vs {ceilingSpread:F0} rps = {serverSpread / ceilingSpread:F2} of the ceiling")));
            rows.Add(new Row("P4", Invariant($"P1 on PostgreSQL ({options.Calls:N0} calls)"),
                Invariant($"{serverList:F0} vs {ceilingList:F0} rps = {p4:F2}"), "≥ 0.50", p4 >= 0.50));
        }

        rows.Sort((a, b) => int.Parse(a.Id[1..], CultureInfo.InvariantCulture).CompareTo(int.Parse(b.Id[1..], CultureInfo.InvariantCulture)));
        var report = Report.Render(rows, figures, raw.ToString(), options);
        await File.WriteAllTextAsync(options.ReportPath, report);
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>Only P9 and P10, printed and not written to the report: for working on the realtime API.</summary>
    public static async Task<int> RunRealtimeAsync(RunOptions options)
    {
        var rows = new List<Row>();
        var raw = new StringBuilder();
        var seeded = await SeedOnceAsync(options.WorkDirectory, options.Calls);
        var sqliteEnv = new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(options.WorkDirectory, "bench.db")}",
            ["Settings__API_Enable_Rate_Limiter"] = "true",
        };
        await MeasureRealtimeAsync(options, sqliteEnv, seeded, rows, raw);
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Id} {row.Measured} (bar {row.Bar}): {(row.Pass ? "pass" : "FAIL")}");
        }
        Console.Write(raw);
        return 0;
    }

    private static async Task MeasureRealtimeAsync(RunOptions options, Dictionary<string, string> sqliteEnv, SeededRoom seeded, List<Row> rows, StringBuilder raw)
    {
        HeldFigures serverHeld, ceilingHeld;
        await using (var server = await ServerUnderTest.StartAsync(options.ServerDll, 5105, sqliteEnv, "/health/ready"))
        {
            serverHeld = await RealtimeBench.HoldOnServerAsync(server, seeded.Username, seeded.Password);
        }
        await using (var ceiling = await ServerUnderTest.StartAsync(options.CeilingDll, 5106, new Dictionary<string, string>(), "/plain"))
        {
            ceilingHeld = await RealtimeBench.HoldOnCeilingAsync(ceiling);
        }
        var n = RealtimeBench.HeldConnections;
        raw.AppendLine(Invariant($"P9 RSS MB before → after {n} connections and 60 s idle (server | ceiling): {serverHeld.BeforeMb:F0} → {serverHeld.AfterMb:F0} | {ceilingHeld.BeforeMb:F0} → {ceilingHeld.AfterMb:F0}; still open {serverHeld.StillOpen} | {ceilingHeld.StillOpen}"));
        var p9 = serverHeld.KbPerConnection / ceilingHeld.KbPerConnection;
        rows.Add(new Row("P9", Invariant($"{n:N0} realtime connections, logged in, each subscribed to its user stream and one of 100 rooms; RSS growth per connection vs bare WebSockets"),
            Invariant($"{serverHeld.KbPerConnection:F1} KB vs {ceilingHeld.KbPerConnection:F1} KB = {p9:F2}; {serverHeld.StillOpen:N0} open after 60 s"), "≤ 2; all open",
            p9 <= 2 && serverHeld.StillOpen == n));

        FanOutFigures serverFan, ceilingFan;
        await using (var server = await ServerUnderTest.StartAsync(options.ServerDll, 5107, sqliteEnv, "/health/ready"))
        {
            serverFan = await RealtimeBench.FanOutOnServerAsync(server, seeded.Username, seeded.Password);
        }
        await using (var ceiling = await ServerUnderTest.StartAsync(options.CeilingDll, 5108, new Dictionary<string, string>(), "/plain"))
        {
            ceilingFan = await RealtimeBench.FanOutOnCeilingAsync(ceiling);
        }
        raw.AppendLine(Invariant($"P10 delivery ms to the last of {RealtimeBench.Subscribers} (server): {serverFan.Raw()}; missed {serverFan.Missed}"));
        raw.AppendLine(Invariant($"P10 delivery ms to the last of {RealtimeBench.Subscribers} (ceiling): {ceilingFan.Raw()}; missed {ceilingFan.Missed}"));
        raw.AppendLine(Invariant($"P10 start median ms without | with subscribers: {serverFan.StartMsAlone:F2} | {serverFan.StartMsWithSubscribers:F2}"));
        var p10 = serverFan.P99 / ceilingFan.P99;
        var latency = serverFan.StartMsWithSubscribers / serverFan.StartMsAlone;
        rows.Add(new Row("P10", Invariant($"Fan-out of {RealtimeBench.FanOutStarts} starts to {RealtimeBench.Subscribers:N0} subscribers of one room, p99 to the last receipt vs the bare broadcast; start latency with/without them"),
            Invariant($"{serverFan.P99:F1} ms vs {ceilingFan.P99:F1} ms = {p10:F2}; {serverFan.Missed} missed; start {latency:F2}×"), "≤ 2; none missed; 0.8–1.2×",
            p10 <= 2 && serverFan.Missed == 0 && latency is >= 0.8 and <= 1.2));
    }

    private static async Task<SeededRoom> SeedOnceAsync(string workDirectory, int calls)
    {
        Directory.CreateDirectory(workDirectory);
        var marker = Path.Combine(workDirectory, $"bench-{calls}.json");
        if (File.Exists(marker) && File.Exists(Path.Combine(workDirectory, "bench.db")))
        {
            return JsonSerializer.Deserialize<SeededRoom>(await File.ReadAllTextAsync(marker))!;
        }
        foreach (var old in Directory.GetFiles(workDirectory, "bench.db*"))
        {
            File.Delete(old);
        }
        var seeded = await Seeder.SeedAsync("sqlite", $"Data Source={Path.Combine(workDirectory, "bench.db")}", calls);
        await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(seeded));
        return seeded;
    }

    /// <summary>
    /// A then B, twice, each for the same duration and connections, after an unmeasured warm-up of each; returns the
    /// mean of each.
    /// </summary>
    private static async Task<(double A, double B)> AlternateAsync(Func<int, Task<double>> a, Func<int, Task<double>> b, StringBuilder raw, string label)
    {
        await a(WarmUpSeconds);
        await b(WarmUpSeconds);
        var a1 = await a(Seconds);
        var b1 = await b(Seconds);
        var a2 = await a(Seconds);
        var b2 = await b(Seconds);
        raw.AppendLine(Invariant($"{label}: {a1:F0}, {a2:F0} | {b1:F0}, {b2:F0}"));
        return ((a1 + a2) / 2, (b1 + b2) / 2);
    }

    private static async Task<long> CountBytesAsync(Stream body)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }
        return total;
    }

    /// <summary>Each request asks for a random 50-call page of the room (a fixed seed, so every run asks the same).</summary>
    private static string LuaSpreadPages(string roomId, int calls) =>
        $$"""
        math.randomseed(7)
        request = function()
          local offset = math.random(0, {{Math.Max(0, calls / 50 - 1)}}) * 50
          return wrk.format("GET", "/api/v1/video-conference.list?roomId={{roomId}}&count=50&offset=" .. offset)
        end
        """;

    private static string LuaPost(string roomId) =>
        $$"""
        wrk.method = "POST"
        wrk.body   = '{"roomId":"{{roomId}}"}'
        wrk.headers["Content-Type"] = "application/json"
        """;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed record RunOptions(string ServerDll, string CeilingDll, string WorkDirectory, string ReportPath, int Calls, string? PostgresConnection);

internal sealed record Row(string Id, string What, string Measured, string Bar, bool Pass);

/// <summary>A measurement reported without a bar.</summary>
internal sealed record Figure(string What, string Measured);
