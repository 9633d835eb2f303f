using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Paging driven by the settings of §5 and §7; each test has its own server, as it changes them.</summary>
public sealed class ListSettingsTests
{
    [Fact]
    public async Task List_WithoutCount_UsesApiDefaultCount()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:API_Default_Count", "4");
        var (owner, roomId) = await RoomWithCallsAsync(factory, 6);

        var page = await owner.GetAsync($"video-conference.list?roomId={roomId}");

        page.AssertOk();
        Assert.Equal(4, page.Json["count"]!.GetValue<int>());
        Assert.Equal(6, page.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_WithALargeCount_IsCappedByApiUpperCountLimit()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:API_Upper_Count_Limit", "5");
        var (owner, roomId) = await RoomWithCallsAsync(factory, 7);

        var page = await owner.GetAsync($"video-conference.list?roomId={roomId}&count=50");

        page.AssertOk();
        Assert.Equal(5, page.Json["count"]!.GetValue<int>());
        Assert.Equal(5, page.Json["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_WithCountZeroWhileInfiniteCountIsOff_ReturnsTheDefaultCount()
    {
        // The contract is silent here; Rocket.Chat's getPaginationItems falls back to API_Default_Count.
        using var factory = new VideoConfFactory()
            .WithSetting("Settings:API_Allow_Infinite_Count", "false")
            .WithSetting("Settings:API_Default_Count", "3")
            .WithSetting("Settings:API_Upper_Count_Limit", "6");
        var (owner, roomId) = await RoomWithCallsAsync(factory, 8);

        var page = await owner.GetAsync($"video-conference.list?roomId={roomId}&count=0");

        page.AssertOk();
        Assert.Equal(3, page.Json["count"]!.GetValue<int>());
        Assert.Equal(8, page.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_WithCountZeroWhileInfiniteCountIsOff_NeverReturnsEverything()
    {
        using var factory = new VideoConfFactory()
            .WithSetting("Settings:API_Allow_Infinite_Count", "false")
            .WithSetting("Settings:API_Upper_Count_Limit", "6");
        var (owner, roomId) = await RoomWithCallsAsync(factory, 8);

        var page = await owner.GetAsync($"video-conference.list?roomId={roomId}&count=0");

        page.AssertOk();
        Assert.InRange(page.Json["count"]!.GetValue<int>(), 1, 6);
    }

    private static async Task<(ApiClient Owner, string RoomId)> RoomWithCallsAsync(VideoConfFactory factory, int calls)
    {
        var owner = await factory.NewUserAsync("owner");
        var roomId = await owner.CreateChannelAsync();
        for (var i = 0; i < calls; i++)
        {
            await owner.StartCallAsync(roomId);
        }
        return (owner, roomId);
    }
}
