using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>channels.list</c>, <c>channels.list.joined</c>, <c>groups.list</c>, <c>groups.listAll</c> and <c>im.list</c> (rooms-users §1).</summary>
public sealed class RoomListTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task ChannelsListJoined_GivesTheCallersChannelsInCreationOrder_AsRoomObjects_Paged()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var first = Id(await owner.CreateRoomAsync("channels", name, member.Username!));
        // Each room a millisecond later than the one before, so their order is that of creation, not of their ids.
        factory.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await owner.CreateChannelAsync(member);
        factory.Time.Advance(TimeSpan.FromMilliseconds(1));
        var third = await owner.CreateChannelAsync(member);
        await owner.CreateChannelAsync();
        await owner.CreateGroupAsync(member);

        var page = await member.GetAsync("channels.list.joined?count=1");

        page.AssertBody(HttpStatusCode.OK, $$"""
            {"channels":[{{RoomJson(first, "c", name, owner, msgs: 0, usersCount: 2, ro: false, now, now)}}],"count":1,"offset":0,"total":3,"success":true}
            """);
        var rest = await member.GetAsync("channels.list.joined?offset=1");
        rest.AssertOk();
        Assert.Equal([second, third], Ids(rest.Json["channels"]!));
        Assert.Equal(3, rest.Json["total"]!.GetValue<int>());
        Assert.Equal(2, rest.Json["count"]!.GetValue<int>());
        Assert.Equal(1, rest.Json["offset"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChannelsList_ShowsEveryPublicChannel_EvenThoseTheCallerIsNotIn_ButNoGroup()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var channel = await owner.CreateChannelAsync();
        var group = await owner.CreateGroupAsync();

        var all = await outsider.GetAsync("channels.list?count=0");

        all.AssertOk();
        var ids = Ids(all.Json["channels"]!);
        Assert.Contains(channel, ids);
        Assert.DoesNotContain(group, ids);
        Assert.Equal(ids.Count, all.Json["total"]!.GetValue<int>());
        Assert.Empty(Ids((await outsider.GetAsync("channels.list.joined")).Json["channels"]!));
    }

    [Fact]
    public async Task GroupsList_GivesOnlyTheCallersGroups_AndGroupsListAll_EveryGroupForAnAdmin()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var shared = await owner.CreateGroupAsync(member);
        var own = await owner.CreateGroupAsync();
        await owner.CreateChannelAsync(member);

        var groups = await member.GetAsync("groups.list");
        groups.AssertOk();
        Assert.Equal([shared], Ids(groups.Json["groups"]!));
        Assert.Equal(1, groups.Json["total"]!.GetValue<int>());

        var all = await (await factory.LoginAdminAsync()).GetAsync("groups.listAll?count=0");
        all.AssertOk();
        Assert.Contains(shared, Ids(all.Json["groups"]!));
        Assert.Contains(own, Ids(all.Json["groups"]!));
        (await member.GetAsync("groups.listAll")).AssertForbidden();
    }

    [Fact]
    public async Task ImList_GivesTheCallersDirectRooms_WithTheirMembers()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var carol = await factory.NewUserAsync("carol");
        var withBob = await alice.CreateDirectAsync(bob);
        await bob.CreateDirectAsync(carol);

        var ims = await alice.GetAsync("im.list");

        ims.AssertOk();
        var room = Assert.Single(ims.Json["ims"]!.AsArray())!;
        Assert.Equal(withBob, Id(room));
        Assert.Equal("d", room["t"]!.GetValue<string>());
        Assert.Equal(withBob, room["rid"]!.GetValue<string>());
        Assert.Equal(1, ims.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task LeavingARoom_TakesItOffTheJoinedList_AtTheNextRequest()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var group = await owner.CreateGroupAsync(member);
        Assert.Equal([group], Ids((await member.GetAsync("groups.list")).Json["groups"]!));

        (await owner.PostAsync("groups.kick", new { roomId = group, userId = member.UserId })).AssertOk();

        var after = await member.GetAsync("groups.list");
        after.AssertBody(HttpStatusCode.OK, """{"groups":[],"count":0,"offset":0,"total":0,"success":true}""");
    }

    [Theory]
    [InlineData("channels.list")]
    [InlineData("channels.list.joined")]
    [InlineData("groups.list")]
    [InlineData("groups.listAll")]
    [InlineData("im.list")]
    public async Task QueryOrSort_AreRefusedAsUnknownParameters(string route)
    {
        var admin = await factory.LoginAdminAsync();

        (await admin.GetAsync($"{route}?query=%7B%7D")).AssertInvalidParams("must NOT have additional properties");
        (await admin.GetAsync($"{route}?sort=%7B%22name%22%3A1%7D")).AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task ChannelsList_IsForbiddenToAGuest_WhileTheJoinedListsAreNot()
    {
        var guest = await factory.NewUserAsync("guest", "guest");

        (await guest.GetAsync("channels.list")).AssertForbidden();
        (await guest.GetAsync("channels.list.joined")).AssertOk();
        (await guest.GetAsync("groups.list")).AssertOk();
        (await guest.GetAsync("im.list")).AssertOk();
    }

    private static List<string> Ids(JsonNode rooms) => rooms.AsArray().Select(r => Id(r!)).ToList();
}
