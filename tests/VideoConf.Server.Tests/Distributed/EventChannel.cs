using StackExchange.Redis;
using VideoConf.Server.Cluster;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>The Redis channel instances relay events on, as Redis itself sees it.</summary>
internal static class EventChannel
{
    /// <summary>Waits (at most 10 s) until <paramref name="instances"/> connections are subscribed to the channel.</summary>
    public static async Task WaitForSubscribersAsync(string redisConnectionString, int instances)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        await Eventually.HoldsAsync(() => SubscribersAsync(redis), count => count == instances, $"{instances} instances subscribed to the event channel");
    }

    /// <summary><c>PUBSUB NUMSUB</c> answers the channel and how many connections subscribe to it.</summary>
    private static async Task<long> SubscribersAsync(IConnectionMultiplexer redis)
    {
        var reply = await redis.GetServer(redis.GetEndPoints()[0]).ExecuteAsync("PUBSUB", "NUMSUB", RedisEventRelay.Channel.ToString());
        return (long)((RedisResult[])reply!)[1];
    }
}
