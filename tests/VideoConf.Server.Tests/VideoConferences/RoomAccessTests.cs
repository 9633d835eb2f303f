using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// The room access rule (§3) on every call endpoint, for a non-member of a public channel, a private group and a
/// direct room: channels are open to holders of <c>view-c-room</c>; everything else looks like it does not exist.
/// </summary>
public sealed class RoomAccessTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    public enum Room
    {
        Channel,
        Group,
        Direct,
    }

    [Theory]
    [InlineData(Room.Channel, HttpStatusCode.OK)]
    [InlineData(Room.Group, HttpStatusCode.BadRequest)]
    [InlineData(Room.Direct, HttpStatusCode.BadRequest)]
    public async Task List_ByANonMember_FollowsTheAccessRule(Room kind, HttpStatusCode expected)
    {
        var (_, outsider, roomId, _) = await CallInRoomAsync(kind);

        var response = await outsider.GetAsync($"video-conference.list?roomId={roomId}");

        AssertAccess(response, expected);
    }

    [Theory]
    [InlineData(Room.Channel, HttpStatusCode.OK)]
    [InlineData(Room.Group, HttpStatusCode.BadRequest)]
    [InlineData(Room.Direct, HttpStatusCode.BadRequest)]
    public async Task Info_ByANonMember_FollowsTheAccessRule(Room kind, HttpStatusCode expected)
    {
        var (_, outsider, _, callId) = await CallInRoomAsync(kind);

        var response = await outsider.GetAsync($"video-conference.info?callId={callId}");

        AssertAccess(response, expected);
    }

    [Theory]
    [InlineData(Room.Channel, HttpStatusCode.OK)]
    [InlineData(Room.Group, HttpStatusCode.BadRequest)]
    [InlineData(Room.Direct, HttpStatusCode.BadRequest)]
    public async Task Join_ByANonMember_FollowsTheAccessRule(Room kind, HttpStatusCode expected)
    {
        var (_, outsider, _, callId) = await CallInRoomAsync(kind);

        var response = await outsider.JoinCallAsync(callId);

        AssertAccess(response, expected);
    }

    [Theory]
    [InlineData(Room.Channel, HttpStatusCode.OK)]
    [InlineData(Room.Group, HttpStatusCode.BadRequest)]
    [InlineData(Room.Direct, HttpStatusCode.BadRequest)]
    public async Task Start_ByANonMember_FollowsTheAccessRule(Room kind, HttpStatusCode expected)
    {
        var (_, outsider, roomId, _) = await CallInRoomAsync(kind);

        var response = await outsider.PostAsync("video-conference.start", new { roomId });

        AssertAccess(response, expected);
    }

    [Theory]
    [InlineData(Room.Group)]
    [InlineData(Room.Direct)]
    public async Task Cancel_ByANonMember_ReturnsInvalidParams(Room kind)
    {
        var (member, outsider, _, callId) = await CallInRoomAsync(kind);

        var response = await outsider.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-params");
        Assert.DoesNotContain("endedAt", (await member.CallInfoAsync(callId)).Select(p => p.Key));
    }

    [Fact]
    public async Task Cancel_OfAChannelCallByANonMember_ReachesTheCallAndReturnsInvalidCall()
    {
        var (_, outsider, _, callId) = await CallInRoomAsync(Room.Channel);

        var response = await outsider.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-call");
    }

    [Theory]
    [InlineData(Room.Channel)]
    [InlineData(Room.Group)]
    [InlineData(Room.Direct)]
    public async Task AnAdminWhoIsNotAMember_SeesOnlyPublicChannelCalls(Room kind)
    {
        var (_, _, roomId, callId) = await CallInRoomAsync(kind);
        var admin = await factory.LoginAdminAsync();

        var list = await admin.GetAsync($"video-conference.list?roomId={roomId}");
        var info = await admin.GetAsync($"video-conference.info?callId={callId}");

        // Admins hold view-c-room, so a public channel is open to them like to any user; nothing else is.
        var expected = kind == Room.Channel ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
        AssertAccess(list, expected);
        AssertAccess(info, expected);
    }

    [Fact]
    public async Task AGuestWhoIsNotAMember_CannotSeeAChannelsCalls()
    {
        var (_, _, roomId, callId) = await CallInRoomAsync(Room.Channel);
        var guest = await factory.NewUserAsync("guest", "guest");

        var list = await guest.GetAsync($"video-conference.list?roomId={roomId}");
        var info = await guest.GetAsync($"video-conference.info?callId={callId}");
        var join = await guest.JoinCallAsync(callId);

        list.AssertPlainFailure("invalid-params");
        info.AssertPlainFailure("invalid-params");
        join.AssertPlainFailure("invalid-params");
    }

    [Theory]
    [InlineData(Room.Channel)]
    [InlineData(Room.Group)]
    [InlineData(Room.Direct)]
    public async Task AMember_CanListAndReadTheRoomsCalls(Room kind)
    {
        var (member, _, roomId, callId) = await CallInRoomAsync(kind);

        var list = await member.GetAsync($"video-conference.list?roomId={roomId}");
        var info = await member.GetAsync($"video-conference.info?callId={callId}");

        list.AssertOk();
        Assert.Equal(callId, list.Json["data"]![0]!["_id"]!.GetValue<string>());
        info.AssertOk();
    }

    /// <summary>A room of the given kind with a (ringing, for direct rooms) call, a member other than the caller, and an outsider.</summary>
    private async Task<(ApiClient Member, ApiClient Outsider, string RoomId, string CallId)> CallInRoomAsync(Room kind)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var outsider = await factory.NewUserAsync("outsider");
        var roomId = kind switch
        {
            Room.Channel => await owner.CreateChannelAsync(member),
            Room.Group => await owner.CreateGroupAsync(member),
            _ => await owner.CreateDirectAsync(member),
        };
        var callId = await owner.StartCallAsync(roomId, allowRinging: kind == Room.Direct);
        return (member, outsider, roomId, callId);
    }

    private static void AssertAccess(ApiResponse response, HttpStatusCode expected)
    {
        if (expected == HttpStatusCode.OK)
        {
            response.AssertOk();
        }
        else
        {
            response.AssertPlainFailure("invalid-params");
        }
    }
}
