using StackExchange.Redis;
using VideoConf.Server.Events;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Cluster;

internal static class ClusterServiceCollectionExtensions
{
    /// <summary>Whether several instances may share the store: known at start from <c>ConnectionStrings:Redis</c>.</summary>
    public static bool IsClustered(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    /// <summary>
    /// The event hub, and with <c>ConnectionStrings:Redis</c> what instances share: rate-limit windows and the events
    /// relayed between them; without it, the service runs as a single instance and events stay in it.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsClustered(configuration))
        {
            services.AddSingleton(sp => new EventHub(sp.GetRequiredService<ILogger<EventHub>>()));
            return services;
        }
        var redis = configuration.GetConnectionString("Redis")!;
        var options = ConfigurationOptions.Parse(redis);
        // Start even while Redis is down; the limiter degrades and the bus catches up when it returns.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<RedisLink>();
        services.AddSingleton<IEventRelay, RedisEventRelay>();
        services.AddSingleton(sp => new EventHub(sp.GetRequiredService<ILogger<EventHub>>(), sp.GetRequiredService<IEventRelay>()));
        services.AddSingleton<IRateLimitStore, RedisRateLimitStore>();
        services.AddHostedService<ClusterSync>();
        return services;
    }
}
