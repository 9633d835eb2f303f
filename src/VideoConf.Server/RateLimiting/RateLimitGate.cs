using System.Globalization;
using Microsoft.Extensions.Options;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Operations;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Settings;

namespace VideoConf.Server.RateLimiting;

/// <summary>
/// Rocket.Chat's API rate limiter: per client key, route and method, in fixed windows. Runs after authentication
/// (failed authentication never reaches it) and before validation. Bypass holders and a switched-off limiter get no
/// rate-limit headers at all.
/// </summary>
internal sealed class RateLimitGate(IRateLimitStore store, SettingsService settings, IOptions<RateLimitingOptions> options, VideoConfMetrics metrics, TimeProvider time)
    : IApiRequestGate
{
    private readonly bool _keyByUser = string.Equals(options.Value.KeyBy, "user", StringComparison.OrdinalIgnoreCase);

    public async ValueTask<IResult?> CheckAsync(HttpContext context, ApiEndpoint endpoint, Caller caller)
    {
        if (!settings.GetBool(SettingIds.ApiEnableRateLimiter) || Permissions.Has(caller.User, Permissions.BypassRateLimit))
        {
            return null;
        }
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitPolicy>()
            ?? new RateLimitPolicy(settings.GetInt(SettingIds.ApiRateLimiterCallsDefault), TimeSpan.FromMilliseconds(settings.GetInt(SettingIds.ApiRateLimiterTimeDefault)));
        var limit = Math.Max(0, policy.Calls);
        var key = $"{ClientKey(context, caller)}|{context.Request.Method}|{endpoint.Route}";
        var decision = await store.HitAsync(key, limit, policy.Interval < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : policy.Interval, context.RequestAborted);

        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            return null;
        }
        var waitMs = Math.Max(0, (decision.ResetAt - time.GetUtcNow()).TotalMilliseconds);
        var seconds = (long)Math.Ceiling(waitMs / 1000);
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        metrics.RateLimitRefused(endpoint.Route);
        return ApiResults.Error(TooManyRequests(seconds));
    }

    /// <summary>The limiter's refusal, naming the whole seconds until the window ends.</summary>
    public static Failure TooManyRequests(long seconds) => Failure.WithReason(
        $"Error, too many requests. Please slow down. You must wait {seconds} seconds before trying this endpoint again.",
        "error-too-many-requests",
        FailureKind.TooManyRequests);

    /// <summary>The caller's address (as the forwarded-headers rules settled it), or their user id when keyed by user.</summary>
    private string ClientKey(HttpContext context, Caller caller) =>
        _keyByUser && caller.User is { } user
            ? $"user:{user.Id}"
            : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
}
