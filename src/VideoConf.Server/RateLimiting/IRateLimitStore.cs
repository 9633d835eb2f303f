namespace VideoConf.Server.RateLimiting;

/// <summary>The result of counting one request against a key's window.</summary>
/// <param name="Allowed">Whether the request fits in the allowance.</param>
/// <param name="Remaining">Requests left in this window (0 when refused).</param>
/// <param name="ResetAt">When the window ends.</param>
internal readonly record struct RateLimitDecision(bool Allowed, int Remaining, DateTimeOffset ResetAt);

/// <summary>
/// Fixed windows per key: a key's window opens at its first counted request and lasts the route's interval.
/// Implementations must admit exactly <c>limit</c> requests per window under any concurrency.
/// </summary>
internal interface IRateLimitStore
{
    ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Takes back one counted hit of the key's current window (a reserved slot that turned out not to count).</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Ends the key's window: its next hit opens a new one.</summary>
    ValueTask ResetAsync(string key, CancellationToken cancellationToken = default);
}
