namespace VideoConf.Server.Outcomes;

/// <summary>
/// Why an action did not happen, in the contract's words: Rocket.Chat's error code and, for the errors Rocket.Chat
/// raises with a reason (its Meteor errors), the reason. A service returns it instead of an HTTP result, so the same
/// value can be answered over REST (<see cref="Http.ApiResults.Error"/> writes the envelope), documented
/// (<see cref="Http.OpenApi.ApiErrorDoc.For"/>) and, later, sent over the realtime API or in a webhook.
/// </summary>
/// <param name="Kind">What kind of refusal it is (the HTTP status over REST).</param>
/// <param name="Code">The error code: <c>error</c> of a plain failure, <c>errorType</c> of one with a reason.</param>
/// <param name="Reason">The words before the code (<c>"error":"reason [code]"</c>); null for a plain failure.</param>
internal sealed record Failure(FailureKind Kind, string Code, string? Reason = null)
{
    /// <summary>How long the caller should wait before trying again (REST sends it as <c>Retry-After</c>), when known.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A plain failure, sent as <c>{"success":false,"error":"code"}</c>.</summary>
    public static Failure Plain(string code, FailureKind kind = FailureKind.Invalid) => new(kind, code);

    /// <summary>A failure with a reason, sent as <c>{"success":false,"error":"reason [code]","errorType":"code"}</c>.</summary>
    public static Failure WithReason(string reason, string code, FailureKind kind = FailureKind.Invalid) => new(kind, code, reason);

    /// <summary>A parameter failed its validation: <c>"message [invalid-params]"</c> (compare the plain <c>invalid-params</c> some actions answer for "unknown or not yours").</summary>
    public static Failure Validation(string message) => WithReason(message, "invalid-params");

    /// <summary>The caller lacks the permission the action needs.</summary>
    public static readonly Failure Forbidden = Plain("unauthorized", FailureKind.Forbidden);

    /// <summary>No route or resource by that name.</summary>
    public static readonly Failure NotFound = Plain("Resource not found", FailureKind.NotFound);

    /// <summary>A request body that is not JSON.</summary>
    public static readonly Failure InvalidJson = Validation("Invalid JSON body");

    /// <summary>The server failed while answering.</summary>
    public static readonly Failure Internal = Plain("Internal server error", FailureKind.Internal);

    /// <summary>The server cannot answer now (the store is out of reach, or too much work is queued).</summary>
    public static readonly Failure Unavailable = Plain("Service Unavailable", FailureKind.Unavailable);

    /// <summary>A request body larger than the server accepts.</summary>
    public static readonly Failure PayloadTooLarge = Plain("Payload Too Large", FailureKind.TooLarge);

    /// <summary>A request the client broke in transit (malformed or cut short).</summary>
    public static readonly Failure BadRequest = Plain("Bad Request");

    /// <summary>A request body that arrived below the minimum rate.</summary>
    public static readonly Failure RequestTimeout = Plain("Request Timeout", FailureKind.Timeout);
}
