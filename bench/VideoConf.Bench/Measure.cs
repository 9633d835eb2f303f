using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoConf.Bench;

/// <summary>The measuring tools: wrk for throughput, sequential requests for latency, /proc for memory.</summary>
internal static partial class Measure
{
    /// <summary>Runs wrk and returns requests per second.</summary>
    public static async Task<double> WrkAsync(string url, int connections, int seconds, IEnumerable<string> headers, string? luaScript = null)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency" };
        foreach (var header in headers)
        {
            arguments.Add("-H");
            arguments.Add(header);
        }
        if (luaScript is not null)
        {
            arguments.Add("-s");
            arguments.Add(luaScript);
        }
        arguments.Add(url);
        var output = await RunAsync("wrk", arguments);
        var match = RequestsPerSecond().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no rate:\n{output}");
        }
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            throw new InvalidOperationException($"wrk saw non-2xx answers from {url}:\n{output}");
        }
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Median latency in milliseconds of <paramref name="count"/> sequential GETs (after a short warm-up).</summary>
    public static async Task<double> MedianLatencyAsync(HttpClient http, string path, int count)
    {
        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        }
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        samples.Sort();
        return samples[count / 2];
    }

    /// <summary>A line of /proc/&lt;pid&gt;/status in MB (VmRSS: now; VmHWM: peak).</summary>
    public static double ProcessMemoryMb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        throw new InvalidOperationException($"{field} not found for process {pid}");
    }

    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {output}{error}");
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex Non2xx();
}
