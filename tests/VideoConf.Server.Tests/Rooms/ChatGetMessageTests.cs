using System.Net;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>chat.getMessage</c> (contract §3), with messages written through the real store.</summary>
public sealed class ChatGetMessageTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task GetMessage_ByMember_ReturnsTheMessage()
    {
        var owner = await factory.NewUserAsync("owner");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));
        var message = await InsertAsync(Id(room), owner, "hello there", type: null, blocksJson: null);

        var response = await GetAsync(owner, message.Id);

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"message":{"_id":{{Quote(message.Id)}},"rid":{{Quote(Id(room))}},"msg":"hello there",
             "u":{"_id":{{Quote(owner.UserId!)}},"username":{{Quote(owner.Username!)}},"name":{{Quote(message.Name)}}},
             "ts":"{{WireFormat.Date(message.Ts)}}","_updatedAt":"{{WireFormat.Date(message.UpdatedAt)}}"},"success":true}
            """);
    }

    [Fact]
    public async Task GetMessage_OfASystemMessageWithBlocks_ReturnsTypeAndBlocks()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"), member.Username!);
        const string blocks = """[{"type":"video_conf","blockId":"69786d0ac8b05330207814bd","callId":"69786d0ac8b05330207814bd","appId":"videoconf-core"}]""";
        var message = await InsertAsync(Id(room), owner, "", type: "videoconf", blocksJson: blocks);

        var response = await GetAsync(member, message.Id);

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"message":{"_id":{{Quote(message.Id)}},"rid":{{Quote(Id(room))}},"t":"videoconf","msg":"",
             "u":{"_id":{{Quote(owner.UserId!)}},"username":{{Quote(owner.Username!)}},"name":{{Quote(message.Name)}}},
             "ts":"{{WireFormat.Date(message.Ts)}}","_updatedAt":"{{WireFormat.Date(message.UpdatedAt)}}","blocks":{{blocks}}},"success":true}
            """);
    }

    [Fact]
    public async Task InsertingMessages_IncreasesTheRoomsMsgs()
    {
        var owner = await factory.NewUserAsync("owner");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));
        Assert.Equal(0, room["msgs"]!.GetValue<long>());

        await InsertAsync(Id(room), owner, "one", null, null);
        await InsertAsync(Id(room), owner, "two", null, null);

        var info = await InfoAsync(owner, Id(room));
        Assert.Equal(2, info.Json["room"]!["msgs"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetMessage_ByNonMemberOfAPublicChannel_ReturnsTheMessage()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));
        var message = await InsertAsync(Id(room), owner, "public words", null, null);

        var response = await GetAsync(outsider, message.Id);

        response.AssertOk();
        Assert.Equal(message.Id, response.Json["message"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMessage_ByNonMemberOfAPrivateGroup_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));
        var message = await InsertAsync(Id(room), owner, "private words", null, null);

        var response = await GetAsync(outsider, message.Id);

        response.AssertPlainFailure("error-not-allowed");
    }

    [Fact]
    public async Task GetMessage_ByAdminNonMemberOfAPrivateGroup_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));
        var message = await InsertAsync(Id(room), owner, "private words", null, null);

        var response = await GetAsync(admin, message.Id);

        response.AssertPlainFailure("error-not-allowed");
    }

    [Fact]
    public async Task GetMessage_ByNonMemberOfADirectRoom_ReturnsNotAllowed()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var outsider = await factory.NewUserAsync("outsider");
        var direct = await alice.CreateDirectRoomAsync(bob.Username!);
        var message = await InsertAsync(Id(direct), alice, "just us", null, null);

        (await GetAsync(bob, message.Id)).AssertOk();
        var response = await GetAsync(outsider, message.Id);

        response.AssertPlainFailure("error-not-allowed");
    }

    [Fact]
    public async Task GetMessage_AfterBeingKicked_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"), member.Username!);
        var message = await InsertAsync(Id(room), owner, "for members", null, null);
        (await GetAsync(member, message.Id)).AssertOk();

        (await owner.PostAsync("groups.kick", new { roomId = Id(room), userId = member.UserId })).AssertOk();

        (await GetAsync(member, message.Id)).AssertPlainFailure("error-not-allowed");
    }

    [Theory]
    [InlineData("Nonexistent1234ab")]
    [InlineData("")]
    public async Task GetMessage_OfAnUnknownId_ReturnsNotAllowed(string msgId)
    {
        var user = await factory.NewUserAsync("user");

        var response = await GetAsync(user, msgId);

        response.AssertPlainFailure("error-not-allowed");
    }

    [Theory]
    [InlineData("", "must have required property 'msgId'")]
    [InlineData("?msgId=a&roomId=b", "must NOT have additional properties")]
    [InlineData("?msgId=a&msgId=b", "must be string")]
    public async Task GetMessage_WithInvalidParams_ReturnsTheFirstValidationError(string query, string message)
    {
        var user = await factory.NewUserAsync("user");

        var response = await user.GetAsync($"chat.getMessage{query}");

        response.AssertInvalidParams(message);
    }

    private static Task<ApiResponse> GetAsync(ApiClient client, string msgId) =>
        client.GetAsync($"chat.getMessage?msgId={Uri.EscapeDataString(msgId)}");

    private async Task<MessageRecord> InsertAsync(string roomId, ApiClient author, string text, string? type, string? blocksJson)
    {
        // A distinct, later time for the message, so a room or message date mix-up shows.
        var ts = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(5);
        var message = new MessageRecord(Ids.NewId(), roomId, type, text, author.UserId!, author.Username!, $"Name of {author.Username}",
            blocksJson, ts, ts.AddSeconds(1));
        await factory.GetService<IMessageStore>().InsertAsync(message);
        return message;
    }
}
