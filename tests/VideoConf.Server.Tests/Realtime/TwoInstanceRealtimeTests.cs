using VideoConf.Server.Tests.Distributed;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The realtime API across two server processes on PostgreSQL and Redis (realtime §6).</summary>
[Trait("Category", "Distributed")]
public sealed class TwoInstanceRealtimeTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task ASubscriberOnOneInstance_SeesCallsStartedOnTheOther_InOrder()
    {
        var onA = await cluster.CreateUserAsync($"rt-a-{Suffix()}", cluster.A);
        var room = await onA.PostAsync("groups.create", new { name = $"rt-room-{Suffix()}" });
        room.AssertOk();
        var roomId = room.Json["group"]!["_id"]!.GetValue<string>();
        await using var onB = await ConnectAsAsync(cluster.B, onA);
        Assert.Equal("ready", (await onB.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf"))["msg"]!.GetValue<string>());

        var calls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var started = await onA.PostAsync("video-conference.start", new { roomId });
            started.AssertOk();
            calls.Add(started.Json["data"]!["callId"]!.GetValue<string>());
        }

        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            seen.Add((await onB.EventAsync("stream-notify-room", $"{roomId}/videoconf"))["fields"]!["args"]![0]!.GetValue<string>());
        }
        Assert.Equal(calls, seen);
    }

    /// <summary>A connection to <paramref name="server"/> logged in with <paramref name="user"/>'s REST token.</summary>
    internal static async Task<DdpTestClient> ConnectAsAsync(ServerProcess server, ApiClient user)
    {
        var client = await DdpTestClient.OpenAsync(server.BaseAddress);
        await client.ConnectAsync();
        Assert.NotNull((await client.CallAsync("login", new { resume = user.AuthToken }))["result"]);
        return client;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];
}
