using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R1 (docs/contract.md): the server, as its own process, is killed with SIGKILL in the middle of sustained start and join
/// load, then restarted on the same store with no manual step. Every call answered 200 is returned intact by
/// <c>info</c>, with every join answered 200, and nothing is torn or duplicated. On SQLite in the SQLite pass and on
/// PostgreSQL (a new database on the shared cluster) in the PostgreSQL pass.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int AcknowledgedCallsBeforeKill = 800;
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(30);

    private sealed record StartedCall(string CallId, string RoomId, string StarterId);

    [Fact]
    public async Task KillDuringStartAndJoinLoad_ThenRestart_KeepsEveryAcknowledgedCallAndJoinIntact()
    {
        using var directory = TestDirectory.Create();
        var environment = await ServerEnvironment.OnTestBackendAsync(directory);
        await using var first = await ServerProcess.StartAsync(environment);
        var (users, rooms) = await SetUpAsync(first);

        var calls = new ConcurrentQueue<StartedCall>();
        var joins = new ConcurrentQueue<(string CallId, string UserId)>();
        var killed = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var load = users.Select((user, i) => Task.Run(() => LoadAsync(user, i, rooms, calls, joins, killed.Token))).ToArray();
        await Eventually.PollAsync(() => Task.FromResult(calls.Count), count => count >= AcknowledgedCallsBeforeKill || load.All(t => t.IsCompleted), LoadLimit);
        Assert.False(load.Any(t => t.IsFaulted), $"The load failed before the kill: {load.FirstOrDefault(t => t.IsFaulted)?.Exception}\n{first.Output}");
        await first.KillAsync();
        await killed.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine($"R1 ({(TestBackend.IsPostgres ? "PostgreSQL" : "SQLite")}): killed after {clock.Elapsed.TotalSeconds:F1} s with " +
            $"{calls.Count} calls and {joins.Count} joins acknowledged");
        Assert.True(calls.Count >= 20, $"Only {calls.Count} calls were acknowledged before the kill.");

        await using var second = await ServerProcess.StartAsync(environment);
        var reader = second.CreateApiClient().As(users[0].UserId!, users[0].AuthToken!);
        await AssertCallsIntactAsync(reader, calls.ToList(), joins.ToList());
        await AssertRoomsConsistentAsync(reader, rooms, calls.ToList());
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    /// <summary>One user's load: start a call, join it, join another acknowledged call; until the server is gone.</summary>
    private static async Task LoadAsync(ApiClient user, int worker, IReadOnlyList<string> rooms, ConcurrentQueue<StartedCall> calls,
        ConcurrentQueue<(string, string)> joins, CancellationToken killed)
    {
        var random = new Random(worker);
        for (var i = 0; !killed.IsCancellationRequested; i++)
        {
            try
            {
                var roomId = rooms[(worker + i) % rooms.Count];
                var start = await user.PostAsync("video-conference.start", new { roomId });
                if (start.Status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"A start under load was answered {(int)start.Status}: {start.Text}");
                }
                var callId = start.Json["data"]!["callId"]!.GetValue<string>();
                calls.Enqueue(new StartedCall(callId, roomId, user.UserId!));
                await JoinAsync(user, callId, joins);
                var others = calls.ToArray();
                await JoinAsync(user, others[random.Next(others.Length)].CallId, joins);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The server was killed under this request: it was never acknowledged.
                return;
            }
        }
    }

    private static async Task JoinAsync(ApiClient user, string callId, ConcurrentQueue<(string, string)> joins)
    {
        var join = await user.JoinCallAsync(callId);
        if (join.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"A join under load was answered {(int)join.Status}: {join.Text}");
        }
        joins.Enqueue((callId, user.UserId!));
    }

    private static async Task AssertCallsIntactAsync(ApiClient reader, List<StartedCall> calls, List<(string CallId, string UserId)> joins)
    {
        var joinedBy = joins.ToLookup(j => j.CallId, j => j.UserId);
        var problems = new List<string>();
        foreach (var call in calls)
        {
            var info = await reader.GetAsync($"video-conference.info?callId={call.CallId}");
            if (info.Status != HttpStatusCode.OK)
            {
                problems.Add($"{call.CallId}: info answered {(int)info.Status} {info.Text}");
                continue;
            }
            var record = info.Json;
            var users = record["users"]!.AsArray().Select(u => u!["_id"]!.GetValue<string>()).ToList();
            var messageId = record["messages"]!["started"]!.GetValue<string>();
            var message = await reader.GetAsync($"chat.getMessage?msgId={messageId}");
            var expectations = new (bool Holds, string What)[]
            {
                (record["_id"]!.GetValue<string>() == call.CallId, "its id"),
                (record["rid"]!.GetValue<string>() == call.RoomId, "its room"),
                (record["createdBy"]!["_id"]!.GetValue<string>() == call.StarterId, "its creator"),
                (record["status"]!.GetValue<int>() == 1, "status STARTED"),
                (users.Count == users.Distinct(StringComparer.Ordinal).Count(), "no user twice"),
                (joinedBy[call.CallId].All(users.Contains), "every acknowledged join"),
                (message.Status == HttpStatusCode.OK && message.Json["message"]!["blocks"]![0]!["callId"]!.GetValue<string>() == call.CallId, "its start message"),
            };
            problems.AddRange(expectations.Where(e => !e.Holds).Select(e => $"{call.CallId}: lost {e.What}: {record.ToJsonString()}"));
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems with acknowledged calls after the restart:\n{string.Join("\n", problems.Take(10))}");
    }

    /// <summary>Each room lists every acknowledged call once, as many as it has start messages, all readable.</summary>
    private static async Task AssertRoomsConsistentAsync(ApiClient reader, IReadOnlyList<string> rooms, List<StartedCall> calls)
    {
        foreach (var roomId in rooms)
        {
            var list = await reader.GetAsync($"video-conference.list?roomId={roomId}&count=0");
            list.AssertOk();
            var listed = list.Json["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()).ToList();
            Assert.Equal(listed.Count, list.Json["total"]!.GetValue<int>());
            Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
            Assert.Empty(calls.Where(c => c.RoomId == roomId).Select(c => c.CallId).Except(listed));
            var room = await reader.GetAsync($"rooms.info?roomId={roomId}");
            room.AssertOk();
            Assert.Equal(listed.Count, room.Json["room"]!["msgs"]!.GetValue<int>());
        }
    }

    /// <summary>Users who each start and join calls, all members of two channels and a group.</summary>
    private static async Task<(List<ApiClient> Users, List<string> Rooms)> SetUpAsync(ServerProcess server)
    {
        var users = new List<ApiClient>();
        for (var i = 0; i < Workers; i++)
        {
            users.Add(await server.CreateUserAsync($"loader{i}"));
        }
        var others = users.Skip(1).ToArray();
        List<string> rooms = [await users[0].CreateChannelAsync(others), await users[0].CreateGroupAsync(others), await users[0].CreateChannelAsync(others)];
        return (users, rooms);
    }
}
