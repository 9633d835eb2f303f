using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R3 (docs/contract.md): parallel joins, cancels and starts stay exact: 100 users joining one call end as exactly 100
/// distinct entries, one of 50 parallel cancels succeeds, and parallel starts lose or duplicate no call and no start
/// message. Runs on the test backend (SQLite, or PostgreSQL in the PostgreSQL pass).
/// </summary>
public sealed class ConcurrencyTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Join_By100UsersInParallel_RecordsExactly100DistinctUsers()
    {
        var alice = await factory.NewUserAsync("alice");
        var users = await NewUsersAsync(100);
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync([.. users]));

        // Every user joins twice, all at once: 200 concurrent joins of one call.
        var responses = await Task.WhenAll(users.Concat(users).Select(u => u.JoinCallAsync(callId)));

        Assert.All(responses, r => r.AssertOk());
        var joined = (await alice.CallInfoAsync(callId))["users"]!.AsArray();
        Assert.Equal(100, joined.Count);
        Assert.Equal(users.Select(u => u.UserId!).Order(StringComparer.Ordinal), joined.Select(u => u!["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(joined, u => Assert.Matches(WireFormat.IsoDate(), u!["ts"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Cancel_50TimesInParallel_SucceedsExactlyOnce()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);
        var cancellers = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? alice : bob).ToList();

        var responses = await Task.WhenAll(cancellers.Select(c => c.CancelCallAsync(callId)));

        var succeeded = Assert.Single(Enumerable.Range(0, 50), i => responses[i].Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => r.AssertPlainFailure("invalid-call-status"));
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(4, call.Status());
        Assert.False(call["ringing"]!.GetValue<bool>());
        Assert.Equal(cancellers[succeeded].UserId, call["endedBy"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_InParallelInSeveralRooms_NeverLosesOrDuplicatesACallOrItsMessage()
    {
        var owner = await factory.NewUserAsync("owner");
        var starters = await NewUsersAsync(10);
        var rooms = new[] { await owner.CreateChannelAsync([.. starters]), await owner.CreateGroupAsync([.. starters]), await owner.CreateChannelAsync([.. starters]) };
        var plan = Enumerable.Range(0, 90).Select(i => (Starter: starters[i % starters.Count], RoomId: rooms[i % rooms.Length])).ToList();

        var responses = await Task.WhenAll(plan.Select(p => p.Starter.PostAsync("video-conference.start", new { roomId = p.RoomId })));

        Assert.True(responses.All(r => r.Status == HttpStatusCode.OK),
            $"Not every start was answered 200: {string.Join(", ", responses.Where(r => r.Status != HttpStatusCode.OK).Select(r => r.Text).Distinct())}\n" +
            string.Join("\n", factory.Logs.LinesAtLeast(LogLevel.Error).Take(3)));
        var started = plan.Zip(responses, (p, r) => (p.RoomId, CallId: r.Json["data"]!["callId"]!.GetValue<string>())).ToList();
        Assert.Equal(started.Count, started.Select(s => s.CallId).Distinct(StringComparer.Ordinal).Count());
        foreach (var roomId in rooms)
        {
            var expected = started.Where(s => s.RoomId == roomId).Select(s => s.CallId).Order(StringComparer.Ordinal).ToList();
            var list = await owner.GetAsync($"video-conference.list?roomId={roomId}&count=0");
            list.AssertOk();
            Assert.Equal(expected.Count, list.Json["total"]!.GetValue<int>());
            Assert.Equal(expected, list.Json["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            var room = await owner.GetAsync($"rooms.info?roomId={roomId}");
            room.AssertOk();
            Assert.Equal(expected.Count, room.Json["room"]!["msgs"]!.GetValue<int>());
        }
        var messageIds = new List<string>();
        foreach (var (roomId, callId) in started)
        {
            var messageId = (await owner.CallInfoAsync(callId))["messages"]!["started"]!.GetValue<string>();
            messageIds.Add(messageId);
            var message = await owner.GetAsync($"chat.getMessage?msgId={messageId}");
            message.AssertOk();
            AssertStartMessage(message.Json["message"]!, roomId, callId);
        }
        Assert.Equal(messageIds.Count, messageIds.Distinct(StringComparer.Ordinal).Count());
    }

    private static void AssertStartMessage(JsonNode message, string roomId, string callId)
    {
        Assert.Equal(roomId, message["rid"]!.GetValue<string>());
        Assert.Equal("videoconf", message["t"]!.GetValue<string>());
        var block = Assert.Single(message["blocks"]!.AsArray());
        Assert.Equal(callId, block!["callId"]!.GetValue<string>());
    }

    /// <summary>Creates and logs in users, a few at a time.</summary>
    private async Task<List<ApiClient>> NewUsersAsync(int count)
    {
        var users = new List<ApiClient>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(10))
        {
            users.AddRange(await Task.WhenAll(batch.Select(_ => factory.NewUserAsync("user"))));
        }
        return users;
    }
}
