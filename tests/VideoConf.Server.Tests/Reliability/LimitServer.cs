using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>The server process these tests share, with a user and a channel that has a call.</summary>
public sealed class LimitServer : IAsyncLifetime
{
    private readonly TestDirectory _directory = TestDirectory.Create();

    public ServerProcess Server { get; private set; } = null!;

    public ApiClient User { get; private set; } = null!;

    public string RoomId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(ServerEnvironment.OnSqlite(_directory));
        User = await Server.CreateUserAsync("limits");
        RoomId = await User.CreateChannelAsync();
        await User.StartCallAsync(RoomId);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
