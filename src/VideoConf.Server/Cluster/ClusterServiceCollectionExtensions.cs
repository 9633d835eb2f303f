using StackExchange.Redis;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Cluster;

internal static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c>, instances share rate-limit windows and tell each other about changes;
    /// without it, the service runs as a single instance.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IClusterBus, LocalClusterBus>();
            return services;
        }
        var options = ConfigurationOptions.Parse(redis);
        // Start even while Redis is down; the limiter degrades and the bus catches up when it returns.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<RedisLink>();
        services.AddSingleton<IClusterBus, RedisClusterBus>();
        services.AddSingleton<IRateLimitStore, RedisRateLimitStore>();
        services.AddHostedService<ClusterSync>();
        return services;
    }
}
