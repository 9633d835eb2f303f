using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary><c>stream-room-messages</c> (contract §9.3): a call's start message, with EJSON dates.</summary>
public sealed class RoomMessagesTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task ARoomsSubscriber_GetsTheCallsStartMessage_WithEjsonDates()
    {
        var owner = await factory.NewUserAsync("poster");
        var roomId = await owner.CreateGroupAsync();
        await using var client = await factory.ConnectAsAsync(owner);
        await client.SubscribeAsync("stream-room-messages", roomId);

        var callId = await owner.StartCallAsync(roomId);

        var args = (await client.EventAsync("stream-room-messages", roomId))["fields"]!["args"]!.AsArray();
        var message = Assert.Single(args)!.AsObject();
        var ms = factory.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var call = await owner.CallInfoAsync(callId);
        Assert.Equal(
            new JsonObject
            {
                ["_id"] = call["messages"]!["started"]!.GetValue<string>(),
                ["rid"] = roomId,
                ["t"] = "videoconf",
                ["msg"] = "",
                ["u"] = new JsonObject { ["_id"] = owner.UserId, ["username"] = owner.Username, ["name"] = $"Name of {owner.Username}" },
                ["ts"] = new JsonObject { ["$date"] = ms },
                ["_updatedAt"] = new JsonObject { ["$date"] = ms },
                ["blocks"] = new JsonArray(new JsonObject { ["type"] = "video_conf", ["blockId"] = callId, ["callId"] = callId, ["appId"] = "videoconf-core" }),
            }.ToJsonString(),
            message.ToJsonString());
    }

    [Fact]
    public async Task MyMessages_BringsTheMessagesOfTheUsersRooms_WithTheRoomsDescription()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var outsider = await factory.NewUserAsync("outsider");
        var roomId = await owner.CreateGroupAsync(member);
        await using var memberClient = await factory.ConnectAsAsync(member);
        await using var outsiderClient = await factory.ConnectAsAsync(outsider);
        await memberClient.SubscribeAsync("stream-room-messages", "__my_messages__");
        await outsiderClient.SubscribeAsync("stream-room-messages", "__my_messages__");
        var name = (await owner.GetAsync($"rooms.info?roomId={roomId}")).Json["room"]!["name"]!.GetValue<string>();

        await owner.StartCallAsync(roomId);

        var args = (await memberClient.EventAsync("stream-room-messages", "__my_messages__"))["fields"]!["args"]!.AsArray();
        Assert.Equal(2, args.Count);
        Assert.Equal(roomId, args[0]!["rid"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["roomParticipant"] = true, ["roomType"] = "p", ["roomName"] = name }.ToJsonString(), args[1]!.ToJsonString());
        Assert.True(await outsiderClient.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }
}
