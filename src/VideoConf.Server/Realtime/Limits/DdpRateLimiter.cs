using VideoConf.Server.Accounts;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Realtime.Limits;

/// <summary>
/// Rocket.Chat's DDP rate limits, per connection (contract §9.2): each method and subscription counts against its
/// own rule and against 600 per minute in all. Off while <c>DDP_Rate_Limit_Enabled</c> is false; users with
/// <c>api-bypass-rate-limit</c> are exempt.
/// </summary>
internal sealed class DdpRateLimiter(SettingsService settings, TimeProvider time)
{
    /// <summary>Counts a call of <paramref name="kind"/> (<c>method</c> or <c>subscription</c>) <paramref name="name"/>; the refusal, or null.</summary>
    public MeteorError? Check(DdpSession session, string kind, string name)
    {
        if (!settings.GetBool(SettingIds.DdpRateLimitEnabled) || Permissions.Has(session.User, Permissions.BypassRateLimit))
        {
            return null;
        }
        var now = time.GetUtcNow();
        var own = session.Limits.Count(RateRule.For(kind, name), now);
        var all = session.Limits.Count(RateRule.AllMessages, now);
        if (own is null && all is null)
        {
            return null;
        }
        // Over one limit or both: the client must wait until every exceeded window has reset.
        var wait = TimeSpan.FromTicks(Math.Max(own?.Ticks ?? 0, all?.Ticks ?? 0));
        var milliseconds = (long)Math.Ceiling(wait.TotalMilliseconds);
        var seconds = (long)Math.Ceiling(wait.TotalSeconds);
        return new MeteorError("too-many-requests",
            $"Error, too many requests. Please slow down. You must wait {seconds} seconds before trying again.", milliseconds);
    }
}
