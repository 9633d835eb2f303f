using System.Globalization;
using System.Text;

namespace VideoConf.Bench;

/// <summary>Renders docs/benchmarks.md.</summary>
internal static class Report
{
    public static string Render(IReadOnlyList<Row> rows, IReadOnlyList<Figure> figures, string raw, RunOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run of `bench/run` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, {MemoryGb():F0} GB memory, {Environment.OSVersion}, .NET {Environment.Version}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Load: wrk, 2 threads, 32 connections, 10 s per measurement after 3 s of unmeasured warm-up of each side, server and ceiling alternated (A B A B) on loopback; the server runs in Release with the rate limiter on, the load comes from a bot (bypass) user. Room size: {options.Calls:N0} calls.");
        text.AppendLine();
        text.AppendLine("| Bar | What | Measured | Bar | Result |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Id} | {row.What} | {row.Measured} | {row.Bar} | {(row.Pass ? "pass" : "FAIL")} |");
        }
        text.AppendLine();
        text.AppendLine("## Other figures (no bar)");
        text.AppendLine();
        text.AppendLine("| What | Measured |");
        text.AppendLine("| --- | --- |");
        foreach (var figure in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure.What} | {figure.Measured} |");
        }
        text.AppendLine();
        text.AppendLine("## Raw figures");
        text.AppendLine();
        text.AppendLine("```");
        text.Append(raw);
        text.AppendLine("```");
        return text.ToString();
    }

    private static double MemoryGb()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0;
    }
}
