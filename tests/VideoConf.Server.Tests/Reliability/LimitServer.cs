using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.Tests.VideoConferences;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>The server process these tests share, with a user and a channel that has a call.</summary>
public sealed class LimitServer : IAsyncLifetime
{
    private readonly string _directory = ServerEnvironment.NewDirectory();

    public ServerProcess Server { get; private set; } = null!;

    public ApiClient User { get; private set; } = null!;

    public string RoomId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(ServerEnvironment.OnSqlite(_directory));
        var admin = await Server.CreateApiClient().LoginAsync(VideoConfFactory.AdminUsername, VideoConfFactory.AdminPassword);
        (await admin.PostAsync("users.create", new { username = "limits", email = "limits@videoconf.test", password = VideoConfFactory.PasswordOf("limits") })).AssertOk();
        User = await Server.CreateApiClient().LoginAsync("limits", VideoConfFactory.PasswordOf("limits"));
        RoomId = await User.CreateChannelAsync();
        await User.StartCallAsync(RoomId);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        ServerEnvironment.TryDelete(_directory);
    }
}
