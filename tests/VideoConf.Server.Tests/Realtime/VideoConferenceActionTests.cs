using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The server's <c>ring</c>/<c>join</c>/<c>end</c> and the client-written actions on the user stream (contract §9.4).</summary>
public sealed class VideoConferenceActionTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task ARingingGroupCall_RingsEveryMemberButItsCreator()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var roomId = await owner.CreateGroupAsync(member);
        await using var ownerStream = await factory.UserStreamAsync(owner);
        await using var memberStream = await factory.UserStreamAsync(member);

        var callId = await owner.StartCallAsync(roomId, allowRinging: true);

        AssertAction(await NextActionAsync(memberStream, member), "ring", callId, owner.UserId!, roomId);
        Assert.True(await ownerStream.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task AGroupCallWithoutRinging_RingsNobody()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var roomId = await owner.CreateGroupAsync(member);
        await using var memberStream = await factory.UserStreamAsync(member);

        await owner.StartCallAsync(roomId);

        Assert.True(await memberStream.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task TheCalleeJoiningADirectCall_SendsJoinToBoth()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        await using var callerStream = await factory.UserStreamAsync(caller);
        await using var calleeStream = await factory.UserStreamAsync(callee);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        (await callee.JoinCallAsync(callId)).AssertOk();

        AssertAction(await NextActionAsync(callerStream, caller), "join", callId, callee.UserId!, roomId);
        AssertAction(await NextActionAsync(calleeStream, callee), "join", callId, callee.UserId!, roomId);
    }

    [Fact]
    public async Task TheCallerJoiningTheirRingingCall_SendsJoinToTheCallerOnly()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        await using var callerStream = await factory.UserStreamAsync(caller);
        await using var calleeStream = await factory.UserStreamAsync(callee);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        (await caller.JoinCallAsync(callId)).AssertOk();

        AssertAction(await NextActionAsync(callerStream, caller), "join", callId, caller.UserId!, roomId);
        Assert.True(await calleeStream.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task ADeclinedDirectCall_SendsEndToTheCallerAndTheCallee()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        await using var callerStream = await factory.UserStreamAsync(caller);
        await using var calleeStream = await factory.UserStreamAsync(callee);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        (await callee.CancelCallAsync(callId)).AssertOk();

        AssertAction(await NextActionAsync(callerStream, caller), "end", callId, caller.UserId!, roomId);
        AssertAction(await NextActionAsync(calleeStream, callee), "end", callId, caller.UserId!, roomId);
    }

    [Fact]
    public async Task AClientsCall_IsRelayedToTheTarget_AsWritten()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        await using var calleeStream = await factory.UserStreamAsync(callee);
        await using var writer = await factory.ConnectAsAsync(caller);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        var answer = await WriteAsync(writer, callee, "call", callId, caller.UserId!, roomId);

        Assert.Equal(["msg", "id"], answer.Select(p => p.Key));
        Assert.Equal(
            $$$"""{"msg":"changed","collection":"stream-notify-user","id":"id","fields":{"eventName":"{{{callee.UserId}}}/video-conference","args":[{"action":"call","params":{"callId":"{{{callId}}}","uid":"{{{caller.UserId}}}","rid":"{{{roomId}}}"}}]}}""",
            (await calleeStream.EventAsync("stream-notify-user", $"{callee.UserId}/video-conference")).ToJsonString());
    }

    [Fact]
    public async Task TheWritingConnection_DoesNotReceiveItsOwnEvent_ButTheUsersOtherConnectionsDo()
    {
        var (caller, _, roomId) = await factory.DirectPairAsync();
        await using var writer = await factory.UserStreamAsync(caller);
        await using var other = await factory.UserStreamAsync(caller);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        await WriteAsync(writer, caller, "canceled", callId, caller.UserId!, roomId);

        Assert.Equal("canceled", (await NextActionAsync(other, caller))["action"]!.GetValue<string>());
        Assert.True(await writer.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task ActionsThatBreakTheRule_AreDroppedSilently()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        var stranger = await factory.NewUserAsync("stranger");
        var otherRoom = await caller.CreateGroupAsync(callee);
        await using var calleeStream = await factory.UserStreamAsync(callee);
        await using var writer = await factory.ConnectAsAsync(caller);
        await using var strangerWriter = await factory.ConnectAsAsync(stranger);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);
        var otherCall = await caller.StartCallAsync(otherRoom);

        // No callId; a call of another room; a writer who cannot access the room; a call that does not exist.
        await writer.CallAsync("stream-notify-user", $"{callee.UserId}/video-conference", new { action = "call", @params = new { uid = caller.UserId, rid = roomId } });
        await WriteAsync(writer, callee, "call", otherCall, caller.UserId!, roomId);
        await WriteAsync(strangerWriter, callee, "call", callId, stranger.UserId!, roomId);
        await WriteAsync(writer, callee, "call", "000000000000000000000000", caller.UserId!, roomId);
        await WriteAsync(writer, callee, "accepted", callId, caller.UserId!, roomId);

        Assert.Equal("accepted", (await NextActionAsync(calleeStream, callee))["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task AUserWhoCannotAccessTheRoom_IsNotATarget()
    {
        var (caller, _, roomId) = await factory.DirectPairAsync();
        var stranger = await factory.NewUserAsync("stranger");
        await using var strangerStream = await factory.UserStreamAsync(stranger);
        await using var writer = await factory.ConnectAsAsync(caller);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);

        await WriteAsync(writer, stranger, "call", callId, caller.UserId!, roomId);

        Assert.True(await strangerStream.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task OnAnEndedCall_OnlyEndPasses_AndTheCreatorStillCallingIsToldEnd()
    {
        var (caller, callee, roomId) = await factory.DirectPairAsync();
        await using var calleeStream = await factory.UserStreamAsync(callee);
        await using var callerStream = await factory.UserStreamAsync(caller);
        var callId = await caller.StartCallAsync(roomId, allowRinging: true);
        (await callee.CancelCallAsync(callId)).AssertOk();
        AssertAction(await NextActionAsync(calleeStream, callee), "end", callId, caller.UserId!, roomId);
        AssertAction(await NextActionAsync(callerStream, caller), "end", callId, caller.UserId!, roomId);

        await WriteAsync(callerStream, callee, "accepted", callId, caller.UserId!, roomId);
        await WriteAsync(callerStream, callee, "call", callId, caller.UserId!, roomId);
        await WriteAsync(callerStream, callee, "end", callId, caller.UserId!, roomId);

        Assert.Equal("end", (await NextActionAsync(calleeStream, callee))["action"]!.GetValue<string>());
        AssertAction(await NextActionAsync(callerStream, caller), "end", callId, caller.UserId!, roomId);
    }

    private static Task<JsonObject> WriteAsync(DdpTestClient writer, ApiClient target, string action, string callId, string uid, string rid) =>
        writer.CallAsync("stream-notify-user", $"{target.UserId}/video-conference", new { action, @params = new { callId, uid, rid } });

    private static async Task<JsonObject> NextActionAsync(DdpTestClient client, ApiClient user)
    {
        var changed = await client.EventAsync("stream-notify-user", $"{user.UserId}/video-conference");
        return changed["fields"]!["args"]![0]!.AsObject();
    }

    private static void AssertAction(JsonObject action, string name, string callId, string uid, string rid) =>
        Assert.Equal(
            new JsonObject { ["action"] = name, ["params"] = new JsonObject { ["callId"] = callId, ["uid"] = uid, ["rid"] = rid } }.ToJsonString(),
            action.ToJsonString());
}
