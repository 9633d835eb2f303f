using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>
/// <see cref="TwoInstances"/> plus a third instance in-process on the same PostgreSQL database and Redis, whose
/// real event hub the tests subscribe to: what A and B publish must reach its subscribers. Its clock is the
/// factory's fake one, months behind the processes' real clocks, so it never sweeps their calls itself.
/// </summary>
public sealed class ObservedTwoInstances : IAsyncLifetime
{
    public TwoInstances Cluster { get; } = new();

    public VideoConfFactory Observer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Observer = new VideoConfFactory(TestDirectory.NewPath(), Cluster.DatabaseConnectionString)
            .WithSetting("ConnectionStrings:Redis", Cluster.Redis.ConnectionString);
        _ = Observer.Services;
        await EventChannel.WaitForSubscribersAsync(Cluster.Redis.ConnectionString, 3);
    }

    public async Task DisposeAsync()
    {
        await Observer.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
