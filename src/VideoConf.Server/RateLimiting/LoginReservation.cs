namespace VideoConf.Server.RateLimiting;

/// <summary>Why a login was refused before its password was checked.</summary>
internal enum LoginBlock
{
    None,
    Ip,
    User,
}

/// <summary>
/// A login attempt counted in advance as a failure against its address and its account, so concurrent guesses
/// cannot all pass a check made before any of them failed. The attempt settles it: a success takes its counts back
/// (<see cref="LoginAttemptLimiter.SucceededAsync"/>), a failure leaves them.
/// </summary>
/// <param name="Block">Whether the attempt was refused, and by which counter.</param>
/// <param name="ResetAt">When the refusing window ends (for <c>Retry-After</c>).</param>
/// <param name="IpKey">The address counter this attempt holds a slot in, if any.</param>
/// <param name="UserKey">The account counter this attempt holds a slot in, if any.</param>
internal sealed record LoginReservation(LoginBlock Block, DateTimeOffset ResetAt, string? IpKey, string? UserKey)
{
    public static readonly LoginReservation Unlimited = new(LoginBlock.None, default, null, null);
}
