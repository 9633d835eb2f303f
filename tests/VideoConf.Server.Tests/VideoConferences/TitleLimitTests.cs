using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// Titles of <c>video-conference.start</c> are 1–200 UTF-16 code units (contract §3.1); a longer one answers the
/// endpoint's bare <c>invalid-params</c> and no call is stored. An empty title still means the room's name.
/// </summary>
public sealed class TitleLimitTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    /// <summary>A character outside the Basic Multilingual Plane: two UTF-16 code units, as JavaScript counts it.</summary>
    private const string Camera = "\U0001F3A5";

    [Theory]
    [InlineData(200, 0)]
    [InlineData(100, 50)]
    [InlineData(0, 100)]
    public async Task Start_WithATitleOf200CodeUnits_StoresTheTitleWhole(int letters, int astral)
    {
        var user = await factory.NewUserAsync("title-ok");
        var roomId = await user.CreateChannelAsync();
        var title = new string('t', letters) + string.Concat(Enumerable.Repeat(Camera, astral));

        var callId = await user.StartCallAsync(roomId, title: title);

        Assert.Equal(title, (await user.CallInfoAsync(callId))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(201, 0)]
    [InlineData(1, 100)]
    [InlineData(300_000, 0)]
    public async Task Start_WithATitleOverTheLimit_AnswersInvalidParamsAndStoresNoCall(int letters, int astral)
    {
        var user = await factory.NewUserAsync("title-long");
        var roomId = await user.CreateChannelAsync();
        var title = new string('t', letters) + string.Concat(Enumerable.Repeat(Camera, astral));

        var response = await user.PostAsync("video-conference.start", CallSteps.StartBody(roomId, title: title));

        response.AssertPlainFailure("invalid-params");
        var list = await user.GetAsync($"video-conference.list?roomId={roomId}");
        list.AssertOk();
        Assert.Equal(0, list.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Start_WithAnEmptyTitle_StillTakesTheRoomsName()
    {
        var user = await factory.NewUserAsync("title-empty");
        var roomId = await user.CreateChannelAsync();

        var callId = await user.StartCallAsync(roomId, title: string.Empty);

        var room = await user.GetAsync($"rooms.info?roomId={roomId}");
        Assert.Equal(room.Json["room"]!["name"]!.GetValue<string>(), (await user.CallInfoAsync(callId))["title"]!.GetValue<string>());
    }
}
