using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>channels.info</c> and <c>groups.info</c> (rooms-users §1).</summary>
public sealed class NamedRoomInfoTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("channels", "channel", "c")]
    [InlineData("groups", "group", "p")]
    public async Task Info_ByIdOrByNameInAnyCase_ReturnsTheRoomToAMember(string prefix, string key, string type)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var id = Id(await owner.CreateRoomAsync(prefix, name, member.Username!));
        var expected = $$"""
            {"{{key}}":{{RoomJson(id, type, name, owner, msgs: 0, usersCount: 2, ro: false, now, now)}},"success":true}
            """;

        (await member.GetAsync($"{prefix}.info?roomId={id}")).AssertBody(HttpStatusCode.OK, expected);
        (await member.GetAsync($"{prefix}.info?roomName={name.ToUpperInvariant()}")).AssertBody(HttpStatusCode.OK, expected);
    }

    [Fact]
    public async Task ChannelsInfo_IsAnsweredToAnyoneSignedIn_AndGroupsInfo_OnlyToMembers()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var channel = await owner.CreateChannelAsync();
        var group = await owner.CreateGroupAsync();

        (await outsider.GetAsync($"channels.info?roomId={channel}")).AssertOk();
        (await outsider.GetAsync($"groups.info?roomId={group}")).AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("group"));
    }

    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Info_OfAnUnknownRoomOrOneOfTheOtherFamily_IsRoomNotFound(string prefix, string noun)
    {
        var owner = await factory.NewUserAsync("owner");
        var other = prefix == "channels" ? await owner.CreateGroupAsync() : await owner.CreateChannelAsync();
        var otherName = (await InfoAsync(owner, other)).Json["room"]!["name"]!.GetValue<string>();
        var direct = await owner.CreateDirectAsync(await factory.NewUserAsync("peer"));

        foreach (var query in new[] { $"roomId={other}", $"roomName={otherName}", "roomId=Nonexistent1234ab", "roomName=no-such-room", "roomId=", $"roomId={direct}", $"roomName={new string('r', 65)}" })
        {
            (await owner.GetAsync($"{prefix}.info?{query}")).AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson(noun));
        }
    }
}
