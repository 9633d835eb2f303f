using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VideoConf.Bench;

/// <summary>
/// The REST <c>start</c> latency with and without realtime subscribers (P10), measured by a process of its own
/// (<c>VideoConf.Bench start-latency</c>): pairs of starts, one in a room nobody listens to and one in the room the
/// subscribers listen to, in alternating order, a pause after each; the median of each.
/// </summary>
internal static class StartLatency
{
    private const int WarmUpPairs = 10;

    /// <summary>Runs the measurement in a child process and returns its two medians in milliseconds.</summary>
    public static async Task<(double Alone, double Crowded)> InChildProcessAsync(string baseUrl, string userId, string token,
        string quietRoom, string crowdedRoom, int samples, TimeSpan pause)
    {
        var output = await Measure.RunAsync("dotnet", [typeof(StartLatency).Assembly.Location, "start-latency", baseUrl, userId, token,
            quietRoom, crowdedRoom, samples.ToString(CultureInfo.InvariantCulture), ((int)pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]);
        var medians = output.Trim().Split(' ');
        return (double.Parse(medians[0], CultureInfo.InvariantCulture), double.Parse(medians[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The child's side: <c>start-latency &lt;url&gt; &lt;userId&gt; &lt;token&gt; &lt;quiet room&gt; &lt;crowded room&gt; &lt;samples&gt; &lt;pause ms&gt;</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var http = new HttpClient { BaseAddress = new Uri(args[1]) };
        http.DefaultRequestHeaders.Add("X-User-Id", args[2]);
        http.DefaultRequestHeaders.Add("X-Auth-Token", args[3]);
        var (quietRoom, crowdedRoom) = (args[4], args[5]);
        var samples = int.Parse(args[6], CultureInfo.InvariantCulture);
        var pause = TimeSpan.FromMilliseconds(int.Parse(args[7], CultureInfo.InvariantCulture));
        var alone = new List<double>();
        var crowded = new List<double>();
        for (var i = 0; i < WarmUpPairs + samples; i++)
        {
            var quietFirst = i % 2 == 0;
            var first = await StartAsync(http, quietFirst ? quietRoom : crowdedRoom);
            await Task.Delay(pause);
            var second = await StartAsync(http, quietFirst ? crowdedRoom : quietRoom);
            await Task.Delay(pause);
            if (i >= WarmUpPairs)
            {
                alone.Add(quietFirst ? first.Milliseconds : second.Milliseconds);
                crowded.Add(quietFirst ? second.Milliseconds : first.Milliseconds);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{RealtimeBench.Percentile(alone, 50):F3} {RealtimeBench.Percentile(crowded, 50):F3}"));
        return 0;
    }

    /// <summary>One <c>video-conference.start</c>: the call's id, when its answer was read, and how long it took.</summary>
    public static async Task<(string CallId, long AnsweredAt, double Milliseconds)> StartAsync(HttpClient http, string room)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/v1/video-conference.start", new { roomId = room });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var answeredAt = Stopwatch.GetTimestamp();
        var callId = body["data"]?["callId"]?.GetValue<string>() ?? throw new InvalidOperationException($"start failed: {body.ToJsonString()}");
        return (callId, answeredAt, Stopwatch.GetElapsedTime(sent, answeredAt).TotalMilliseconds);
    }
}
