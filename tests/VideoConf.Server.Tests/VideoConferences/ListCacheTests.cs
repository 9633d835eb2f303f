using System.Text.Json.Nodes;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.VideoConferences;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// <c>list</c> serves a room's newest page again from memory while the room is unchanged (switched on here for both
/// stores): every change to the room's calls must still be in the very next response.
/// </summary>
public sealed class ListCacheTests(ListCacheTests.KeepingFactory factory) : IClassFixture<ListCacheTests.KeepingFactory>
{
    [Fact]
    public void PageCache_IsSwitchedOnForTheseTests()
    {
        Assert.True(factory.GetService<CallPageCache>().Enabled);
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite, null, false)]
    [InlineData(StorageOptions.Postgres, null, true)]
    [InlineData(StorageOptions.Sqlite, true, true)]
    [InlineData(StorageOptions.Postgres, false, false)]
    public void PageCache_ByDefault_IsOnlyOnForPostgres(string provider, bool? configured, bool expected)
    {
        Assert.Equal(expected, new StorageOptions { Provider = provider, KeepNewestListPages = configured }.ListPageCacheEnabled);
    }

    [Fact]
    public async Task List_AfterAJoin_ShowsTheJoinedUser()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateChannelAsync(bob);
        var callId = await alice.StartCallAsync(roomId);
        Assert.Empty((await FirstCallAsync(alice, roomId))["users"]!.AsArray());

        (await bob.JoinCallAsync(callId)).AssertOk();

        var users = (await FirstCallAsync(alice, roomId))["users"]!.AsArray();
        Assert.Equal([bob.UserId], users.Select(u => u!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_AfterACancel_ShowsTheEndedCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        Assert.Equal(0, (await FirstCallAsync(alice, roomId)).Status());

        (await alice.CancelCallAsync(callId)).AssertOk();

        Assert.Equal(4, (await FirstCallAsync(alice, roomId)).Status());
    }

    [Fact]
    public async Task List_AfterAnotherStart_ShowsTheNewCallAndTotal()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var first = await alice.StartCallAsync(roomId);
        var before = await ListAsync(alice, roomId, "count=1");
        Assert.Equal(1, before["total"]!.GetValue<int>());

        var second = await alice.StartCallAsync(roomId);

        var after = await ListAsync(alice, roomId, "count=1");
        Assert.Equal(2, after["total"]!.GetValue<int>());
        Assert.Equal(second, after["data"]![0]!["_id"]!.GetValue<string>());
        var deeper = await ListAsync(alice, roomId, "count=1&offset=1");
        Assert.Equal(first, deeper["data"]![0]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_OfTheSameRoom_WithOtherPaging_IsNotTheCachedPage()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var calls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            calls.Add(await alice.StartCallAsync(roomId));
        }

        var whole = await ListAsync(alice, roomId, "count=3");
        var firstTwo = await ListAsync(alice, roomId, "count=2");
        var lastOne = await ListAsync(alice, roomId, "count=2&offset=2");

        Assert.Equal(3, whole["count"]!.GetValue<int>());
        Assert.Equal([calls[2], calls[1]], firstTwo["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
        Assert.Equal([calls[0]], lastOne["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
        Assert.Equal(2, lastOne["offset"]!.GetValue<int>());
    }

    private static async Task<JsonObject> FirstCallAsync(ApiClient user, string roomId) =>
        (await ListAsync(user, roomId, "count=10"))["data"]![0]!.AsObject();

    private static async Task<JsonObject> ListAsync(ApiClient user, string roomId, string paging)
    {
        var response = await user.GetAsync($"video-conference.list?roomId={roomId}&{paging}");
        response.AssertOk();
        return response.Json.AsObject();
    }

    public sealed class KeepingFactory : VideoConfFactory
    {
        public KeepingFactory() => WithSetting("Storage:KeepNewestListPages", "true");
    }
}
