using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>Access that ends ends the subscriptions built on it (contract §9.2, §9.3; quality S7).</summary>
public sealed class AccessEndsTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task LogoutOverRest_EndsTheRealtimeLoginOfThatToken()
    {
        var user = await factory.NewUserAsync("restout");
        var roomId = await user.CreateGroupAsync();
        await using var client = await factory.ConnectAsAsync(user);
        await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf", id: "room");

        (await user.PostAsync("logout")).AssertOk();

        Assert.Equal("""{"msg":"nosub","id":"room"}""", (await client.ReceiveAsync(m => m["msg"]?.GetValue<string>() == "nosub")).ToJsonString());
        var again = await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf");
        Assert.Equal("not-allowed", again["error"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task LogoutOverRest_LeavesTheUsersOtherTokensLoggedIn()
    {
        var user = await factory.NewUserAsync("twotokens");
        var second = await factory.CreateApiClient().LoginAsync(user.Username!, TestAccounts.PasswordOf(user.Username!));
        await using var other = await factory.ConnectAsAsync(second);
        await other.SubscribeAsync("stream-notify-user", $"{user.UserId}/video-conference", id: "mine");

        (await user.PostAsync("logout")).AssertOk();
        await other.SendAsync("""{"msg":"ping","id":"sync"}""");

        Assert.Equal("""{"msg":"pong","id":"sync"}""", await other.ReceiveTextAsync());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("me")).Status);
    }

    [Fact]
    public async Task AKickedMember_LosesTheRoomsSubscriptions_AndHearsNothingMore()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("kicked");
        var roomId = await owner.CreateGroupAsync(member);
        await using var client = await factory.ConnectAsAsync(member);
        await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf", id: "room");
        await client.SubscribeAsync("stream-room-messages", roomId, id: "messages");
        await client.SubscribeAsync("stream-notify-user", $"{member.UserId}/video-conference", id: "self");

        (await owner.PostAsync("groups.kick", new { roomId, userId = member.UserId })).AssertOk();

        var stopped = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            stopped.Add((await client.ReceiveAsync(m => m["msg"]?.GetValue<string>() == "nosub"))["id"]!.GetValue<string>());
        }
        Assert.Equal(["messages", "room"], stopped.Order());
        await owner.StartCallAsync(roomId);
        Assert.True(await client.IsQuietForAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AKickDuringAStreamOfCalls_NothingArrivesAfterTheNosub_InRepeatedTrials()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("raced");
        for (var trial = 0; trial < 20; trial++)
        {
            var roomId = await owner.CreateGroupAsync(member);
            await using var client = await factory.ConnectAsAsync(member);
            await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf", id: "room");

            var starts = Enumerable.Range(0, 3).Select(_ => owner.StartCallAsync(roomId)).ToList();
            var kick = owner.PostAsync("groups.kick", new { roomId, userId = member.UserId });
            await Task.WhenAll(starts);
            (await kick).AssertOk();

            // Events of calls started before the kick may come first; after the nosub, none.
            while ((await client.ReceiveAsync())["msg"]!.GetValue<string>() != "nosub")
            {
            }
            await owner.StartCallAsync(roomId);
            var afterwards = await client.DrainAsync(TimeSpan.FromMilliseconds(100));
            Assert.True(afterwards.All(m => m["msg"]!.GetValue<string>() != "changed"), $"trial {trial}: {string.Join(" ", afterwards)}");
        }
    }

    [Fact]
    public async Task AMemberKickedFromAPublicChannel_MayStillReadIt_SoTheSubscriptionStays()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("public");
        var roomId = await owner.CreateChannelAsync(member);
        await using var client = await factory.ConnectAsAsync(member);
        await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf");

        (await owner.PostAsync("channels.kick", new { roomId, userId = member.UserId })).AssertOk();
        var callId = await owner.StartCallAsync(roomId);

        Assert.Equal(callId, (await client.EventAsync("stream-notify-room", $"{roomId}/videoconf"))["fields"]!["args"]![0]!.GetValue<string>());
    }
}
