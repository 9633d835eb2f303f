using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>One server with a channel holding <see cref="CallCount"/> calls, for the paging tests.</summary>
public sealed class PagedRoomFixture : IAsyncLifetime
{
    public const int CallCount = 105;

    public VideoConfFactory Factory { get; } = new();

    public ApiClient Owner { get; private set; } = null!;

    public string RoomId { get; private set; } = string.Empty;

    /// <summary>The call ids newest first, the order <c>list</c> must return.</summary>
    public IReadOnlyList<string> NewestFirst { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Owner = await Factory.NewUserAsync("owner");
        RoomId = await Owner.CreateChannelAsync();
        var started = new List<string>();
        for (var i = 0; i < CallCount; i++)
        {
            started.Add(await Owner.StartCallAsync(RoomId, title: $"call {i}"));
            // Different creation times, so "newest first" is observable in createdAt as well as in sequence.
            Factory.Time.Advance(TimeSpan.FromMilliseconds(10));
        }
        started.Reverse();
        NewestFirst = started;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
