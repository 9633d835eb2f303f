using VideoConf.Server.Cluster;
using VideoConf.Server.Events;

namespace VideoConf.Server.Tests.Events;

/// <summary>Every event the server can publish has a name to travel between instances under, and only one.</summary>
public sealed class RelayedEventKindsTests
{
    [Fact]
    public void EveryServerEvent_HasOneRelayKind()
    {
        var events = typeof(ServerEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ServerEvent)) && !t.IsAbstract)
            .OrderBy(t => t.Name)
            .ToList();

        Assert.NotEmpty(events);
        Assert.Equal(events, RedisEventRelay.Kinds.Values.OrderBy(t => t.Name));
    }
}
