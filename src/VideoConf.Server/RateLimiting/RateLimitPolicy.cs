namespace VideoConf.Server.RateLimiting;

/// <summary>A route's own allowance: <see cref="Calls"/> requests per window of <see cref="Interval"/>.</summary>
internal sealed record RateLimitPolicy(int Calls, TimeSpan Interval);

internal static class RateLimitPolicyExtensions
{
    /// <summary>Gives the route its own allowance instead of the default of the <c>API_Enable_Rate_Limiter_*</c> settings.</summary>
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder builder, int calls, TimeSpan interval) =>
        builder.WithMetadata(new RateLimitPolicy(calls, interval));
}
