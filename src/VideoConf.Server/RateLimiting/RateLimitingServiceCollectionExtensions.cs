using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoConf.Server.Http;

namespace VideoConf.Server.RateLimiting;

internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.KeyBy is "ip" or "user", "RateLimiting:KeyBy must be 'ip' or 'user'.")
            .ValidateOnStart();
        services.AddTrustedProxies(configuration);
        services.AddSingleton<InMemoryRateLimitStore>();
        services.AddHostedService<RateLimitWindowSweeper>();
        services.TryAddSingleton<IRateLimitStore>(sp => sp.GetRequiredService<InMemoryRateLimitStore>());
        services.AddSingleton<IApiRequestGate, RateLimitGate>();
        services.AddSingleton<LoginAttemptLimiter>();
        return services;
    }
}
