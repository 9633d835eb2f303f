using System.Globalization;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Outcomes;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Accounts;

/// <summary>
/// The answers to a login refused before its password was checked: Rocket.Chat's blocked-login errors, sent as
/// 429 in the envelope of the other 429s, and a 503 when too many password checks are already waiting.
/// </summary>
internal static class LoginBlockedResults
{
    public static readonly ApiErrorDoc UserDoc = ApiErrorDoc.For(AccountFailures.LoginBlockedForUser, "Blocked for the account");

    public static readonly ApiErrorDoc IpDoc = ApiErrorDoc.For(AccountFailures.LoginBlockedForIp, "Blocked for the address");

    public static readonly ApiErrorDoc BusyDoc = ApiErrorDoc.For(Failure.Unavailable, "Too many password checks waiting");

    /// <summary>The blocked-login error, with <c>Retry-After</c> in whole seconds until the window ends.</summary>
    public static IResult For(LoginReservation reservation, HttpContext context)
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var seconds = (long)Math.Ceiling(Math.Max(0, (reservation.ResetAt - time.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiResults.Error(reservation.Block == LoginBlock.Ip ? AccountFailures.LoginBlockedForIp : AccountFailures.LoginBlockedForUser);
    }

    /// <summary>Every hashing thread is busy and the queue is full: try again in a moment.</summary>
    public static IResult Busy(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return ApiResults.Error(Failure.Unavailable);
    }
}
