using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VideoConf.Bench;

/// <summary>
/// The realtime bars: P9 (memory per logged-in, subscribed connection against the ceiling's bare connection, all
/// still open after a minute idle) and P10 (fan-out of a room's call events to 2,000 subscribers against the
/// ceiling's broadcast of one frame to 2,000 bare connections, and the REST start latency with and without them).
/// </summary>
internal static class RealtimeBench
{
    public const int HeldConnections = 10_000;
    public const int Subscribers = 2_000;
    public const int FanOutStarts = 20;
    private const int Rooms = 100;
    /// <summary>Logins per server process: fewer than the REST limiter's default allowance of 10 a minute per address.</summary>
    private const int Tokens = 5;
    private const int LatencySamples = 60;
    private const int OpeningAtOnce = 64;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Between latency samples: longer than a fan-out to all subscribers takes, so no sample overlaps the last one's.</summary>
    private static readonly TimeSpan LatencyPause = TimeSpan.FromMilliseconds(150);

    /// <summary>P9 on the server: 10,000 sessions, each logged in and subscribed to its user's stream and a room's calls.</summary>
    public static async Task<HeldFigures> HoldOnServerAsync(ServerUnderTest server, string username, string password)
    {
        var (userId, tokens) = await LogInManyAsync(server, username, password);
        var rooms = new List<string>();
        for (var i = 0; i < Rooms; i++)
        {
            rooms.Add(await server.CreateChannelAsync(userId, tokens[0], $"bench-rt-{i}-{Guid.NewGuid():N}"[..24]));
        }
        var uri = WebSocketUri(server, "/websocket");
        return await HoldAsync(server.Pid, i => RealtimeClient.OpenDdpAsync(uri, i, tokens[i % Tokens],
            [("stream-notify-user", $"{userId}/video-conference"), ("stream-notify-room", $"{rooms[i % Rooms]}/videoconf")], null));
    }

    /// <summary>P9 on the ceiling: the same number of bare connections.</summary>
    public static Task<HeldFigures> HoldOnCeilingAsync(ServerUnderTest ceiling)
    {
        var uri = WebSocketUri(ceiling, "/ws");
        return HoldAsync(ceiling.Pid, i => RealtimeClient.OpenBareAsync(uri, i, null));
    }

    /// <summary>P10 on the server: 20 starts in a room with 2,000 subscribers, and start latency without and with them.</summary>
    public static async Task<FanOutFigures> FanOutOnServerAsync(ServerUnderTest server, string username, string password)
    {
        var (userId, tokens) = await LogInManyAsync(server, username, password);
        var room = await server.CreateChannelAsync(userId, tokens[0], $"bench-fan-{Guid.NewGuid():N}"[..24]);
        var quietRoom = await server.CreateChannelAsync(userId, tokens[0], $"bench-quiet-{Guid.NewGuid():N}"[..24]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-User-Id", userId);
        http.DefaultRequestHeaders.Add("X-Auth-Token", tokens[0]);

        var receipts = new Receipts(Subscribers);
        var uri = WebSocketUri(server, "/websocket");
        var clients = await OpenAsync(Subscribers, i => RealtimeClient.OpenDdpAsync(uri, i, tokens[i % Tokens],
            [("stream-notify-room", $"{room}/videoconf")], receipts.Record));
        try
        {
            var (times, missed) = await TimeDeliveriesAsync(receipts, async () =>
            {
                var started = await StartLatency.StartAsync(http, room);
                return (started.CallId, started.AnsweredAt);
            });
            // Start latency from a process of its own, so its answers never queue behind this process's 2,000
            // receive loops: starts in the room the subscribers listen to alternate with starts in a room nobody
            // listens to, on the same warm server with the same connections open.
            var (alone, crowded) = await StartLatency.InChildProcessAsync(server.BaseUrl, userId, tokens[0], quietRoom, room, LatencySamples, LatencyPause);
            return new FanOutFigures(times, missed, alone, crowded);
        }
        finally
        {
            await CloseAllAsync(clients);
        }
    }

    /// <summary>P10 on the ceiling: 20 broadcasts of one frame to 2,000 bare connections.</summary>
    public static async Task<FanOutFigures> FanOutOnCeilingAsync(ServerUnderTest ceiling)
    {
        var receipts = new Receipts(Subscribers);
        var uri = WebSocketUri(ceiling, "/ws");
        using var http = new HttpClient { BaseAddress = new Uri(ceiling.BaseUrl) };
        var clients = await OpenAsync(Subscribers, i => RealtimeClient.OpenBareAsync(uri, i, receipts.Record));
        try
        {
            var (times, missed) = await TimeDeliveriesAsync(receipts, async () =>
            {
                using var response = await http.PostAsync("/broadcast", null);
                var sequence = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
                return (sequence, Stopwatch.GetTimestamp());
            });
            return new FanOutFigures(times, missed, double.NaN, double.NaN);
        }
        finally
        {
            await CloseAllAsync(clients);
        }
    }

    /// <summary>The p-th percentile by nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static async Task<HeldFigures> HoldAsync(int pid, Func<int, Task<RealtimeClient>> open)
    {
        // Warm both sides (JIT, pools) with a few connections that are closed again before the baseline.
        await CloseAllAsync(await OpenAsync(200, open));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = Measure.ProcessMemoryMb(pid, "VmRSS");
        var clients = await OpenAsync(HeldConnections, open);
        try
        {
            await Task.Delay(Idle);
            var after = Measure.ProcessMemoryMb(pid, "VmRSS");
            var stillOpen = clients.Count(c => c.IsOpen);
            return new HeldFigures(before, after, (after - before) * 1024 / HeldConnections, stillOpen);
        }
        finally
        {
            await CloseAllAsync(clients);
        }
    }

    /// <summary>
    /// Fires 20 events one after another; for each, the time from the answer of the request that caused it to the
    /// last subscriber's receipt, and how many subscribers had not received it after 10 s.
    /// </summary>
    private static async Task<(List<double> Milliseconds, int Missed)> TimeDeliveriesAsync(Receipts receipts, Func<Task<(string Key, long AnsweredAt)>> fire)
    {
        var times = new List<double>();
        var missed = 0;
        for (var i = 0; i < FanOutStarts; i++)
        {
            var (key, answeredAt) = await fire();
            var (received, lastAt) = await receipts.WaitAsync(key);
            missed += Subscribers - received;
            times.Add(Math.Max(0, Stopwatch.GetElapsedTime(answeredAt, lastAt).TotalMilliseconds));
            await Task.Delay(Pause);
        }
        return (times, missed);
    }

    /// <summary>One user's tokens: realtime clients resume a REST login, the sessions sharing these few tokens.</summary>
    private static async Task<(string UserId, List<string> Tokens)> LogInManyAsync(ServerUnderTest server, string username, string password)
    {
        var tokens = new List<string>();
        var userId = string.Empty;
        for (var i = 0; i < Tokens; i++)
        {
            var (id, token) = await server.LoginAsync(username, password);
            userId = id;
            tokens.Add(token);
        }
        return (userId, tokens);
    }

    private static async Task<List<RealtimeClient>> OpenAsync(int count, Func<int, Task<RealtimeClient>> open)
    {
        var clients = new RealtimeClient[count];
        using var gate = new SemaphoreSlim(OpeningAtOnce);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                clients[i] = await open(i);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. clients];
    }

    private static async Task CloseAllAsync(IEnumerable<RealtimeClient> clients)
    {
        foreach (var chunk in clients.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static Uri WebSocketUri(ServerUnderTest server, string path) =>
        new(server.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + path);

    /// <summary>Who received which event and when the last of them did.</summary>
    private sealed class Receipts(int subscribers)
    {
        private readonly ConcurrentDictionary<string, Tally> _tallies = new();

        public void Record(RealtimeClient client, string key, long at) =>
            _tallies.GetOrAdd(key, _ => new Tally(subscribers)).Record(client.Index, at);

        /// <summary>Waits (10 s at most) until every subscriber received the event; returns how many did and when the last did.</summary>
        public async Task<(int Received, long LastAt)> WaitAsync(string key)
        {
            var tally = _tallies.GetOrAdd(key, _ => new Tally(subscribers));
            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref tally.Count) < subscribers && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(1);
            }
            return (Volatile.Read(ref tally.Count), Interlocked.Read(ref tally.LastAt));
        }
    }

    private sealed class Tally(int subscribers)
    {
        private readonly int[] _seen = new int[subscribers];
        public int Count;
        public long LastAt;

        public void Record(int subscriber, long at)
        {
            if (Interlocked.Exchange(ref _seen[subscriber], 1) != 0)
            {
                return;
            }
            long last;
            do
            {
                last = Interlocked.Read(ref LastAt);
            }
            while (at > last && Interlocked.CompareExchange(ref LastAt, at, last) != last);
            Interlocked.Increment(ref Count);
        }
    }
}

/// <summary>P9's figures for one side: RSS before and after, growth per connection in KB, connections still open.</summary>
internal sealed record HeldFigures(double BeforeMb, double AfterMb, double KbPerConnection, int StillOpen);

/// <summary>P10's figures for one side: delivery times of the 20 events, receipts missing, and start latency medians.</summary>
internal sealed record FanOutFigures(List<double> DeliveryMs, int Missed, double StartMsAlone, double StartMsWithSubscribers)
{
    public double P99 => RealtimeBench.Percentile(DeliveryMs, 99);

    public string Raw() => string.Join(", ", DeliveryMs.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)));
}
