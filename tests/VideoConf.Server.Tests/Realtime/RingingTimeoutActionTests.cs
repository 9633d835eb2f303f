using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The <c>end</c> sent <c>VideoConf_Ringing_Timeout</c> after a direct start (contract §9.4), on the fake clock.</summary>
public sealed class RingingTimeoutActionTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task AnUnansweredCall_EndsForTheCallerAndTheCallee()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        await using var callerStream = await factory.UserStreamAsync(caller);
        await using var calleeStream = await factory.UserStreamAsync(callee);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        factory.Time.Advance(TimeSpan.FromSeconds(41));

        var end = new JsonObject { ["action"] = "end", ["params"] = new JsonObject { ["callId"] = callId, ["uid"] = caller.UserId, ["rid"] = roomId } }.ToJsonString();
        Assert.Equal(end, (await calleeStream.EventAsync("stream-notify-user", $"{callee.UserId}/video-conference"))["fields"]!["args"]![0]!.ToJsonString());
        Assert.Equal(end, (await callerStream.EventAsync("stream-notify-user", $"{caller.UserId}/video-conference"))["fields"]!["args"]![0]!.ToJsonString());
        await caller.WaitForCallAsync(callId, c => c.Status() == 4);
    }

    [Fact]
    public async Task AnAnsweredCall_AtItsTimeout_EndsForTheCallerOnly()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);
        (await callee.JoinCallAsync(callId)).AssertOk();
        await using var callerStream = await factory.UserStreamAsync(caller);
        await using var calleeStream = await factory.UserStreamAsync(callee);

        factory.Time.Advance(TimeSpan.FromSeconds(41));

        var end = (await callerStream.EventAsync("stream-notify-user", $"{caller.UserId}/video-conference"))["fields"]!["args"]![0]!;
        Assert.Equal("end", end["action"]!.GetValue<string>());
        // The heartbeat pings the silent connection meanwhile; no event may come.
        Assert.DoesNotContain(await calleeStream.DrainAsync(TimeSpan.FromMilliseconds(300)), m => m["msg"]!.GetValue<string>() == "changed");
        Assert.Equal(1, (await caller.CallInfoAsync(callId)).Status());
    }
}
