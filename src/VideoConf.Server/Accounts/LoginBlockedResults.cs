using System.Globalization;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Accounts;

/// <summary>
/// The answers to a login refused before its password was checked: Rocket.Chat's blocked-login errors, sent as
/// 429 in the envelope of the other 429s, and a 503 when too many password checks are already waiting.
/// </summary>
internal static class LoginBlockedResults
{
    private const string UserReason = "Login has been temporarily blocked For User";
    private const string UserCode = "error-login-blocked-for-user";
    private const string IpReason = "Login has been temporarily blocked For IP";
    private const string IpCode = "error-login-blocked-for-ip";

    private static readonly IResult BlockedForUser = ApiResults.DomainError(UserReason, UserCode, StatusCodes.Status429TooManyRequests);
    private static readonly IResult BlockedForIp = ApiResults.DomainError(IpReason, IpCode, StatusCodes.Status429TooManyRequests);

    public static readonly ApiErrorDoc UserDoc = ApiErrorDoc.Coded(UserReason, UserCode) with { Status = StatusCodes.Status429TooManyRequests, Name = "Blocked for the account" };
    public static readonly ApiErrorDoc IpDoc = ApiErrorDoc.Coded(IpReason, IpCode) with { Status = StatusCodes.Status429TooManyRequests, Name = "Blocked for the address" };
    public static readonly ApiErrorDoc BusyDoc = ApiErrorDoc.Bare("Service Unavailable", StatusCodes.Status503ServiceUnavailable) with { Name = "Too many password checks waiting" };

    /// <summary>The blocked-login error, with <c>Retry-After</c> in whole seconds until the window ends.</summary>
    public static IResult For(LoginReservation reservation, HttpContext context)
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var seconds = (long)Math.Ceiling(Math.Max(0, (reservation.ResetAt - time.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return reservation.Block == LoginBlock.Ip ? BlockedForIp : BlockedForUser;
    }

    /// <summary>Every hashing thread is busy and the queue is full: try again in a moment.</summary>
    public static IResult Busy(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return ApiResults.ServiceUnavailable;
    }
}
