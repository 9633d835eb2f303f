namespace VideoConf.Server.Cluster;

/// <summary>
/// Tells the other instances of the service about changes they must take into account. Without Redis there are
/// no other instances and publishing does nothing.
/// </summary>
internal interface IClusterBus
{
    /// <summary>True when other instances may share the store, so in-process caches would not see their writes.</summary>
    bool IsDistributed { get; }

    Task PublishAsync(ClusterEvent clusterEvent, CancellationToken cancellationToken = default);

    /// <summary>Called for every event another instance published.</summary>
    void Subscribe(Func<ClusterEvent, Task> handler);
}

/// <summary>The bus of a single instance.</summary>
internal sealed class LocalClusterBus : IClusterBus
{
    public bool IsDistributed => false;

    public Task PublishAsync(ClusterEvent clusterEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Subscribe(Func<ClusterEvent, Task> handler)
    {
    }
}
