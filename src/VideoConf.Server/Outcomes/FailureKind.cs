namespace VideoConf.Server.Outcomes;

/// <summary>
/// What kind of "no" a <see cref="Failure"/> is. REST renders each kind as one HTTP status (in
/// <see cref="Http.ApiResults.Error"/>); other transports have their own way of saying the same.
/// </summary>
internal enum FailureKind
{
    /// <summary>The request cannot be carried out as asked (400).</summary>
    Invalid,

    /// <summary>The credentials are wrong (401).</summary>
    Unauthenticated,

    /// <summary>The caller lacks a permission (403).</summary>
    Forbidden,

    /// <summary>There is no such resource or route (404).</summary>
    NotFound,

    /// <summary>The method is not served here, e.g. a CORS preflight while CORS is off (405).</summary>
    MethodNotAllowed,

    /// <summary>The request's body arrived too slowly (408).</summary>
    Timeout,

    /// <summary>The request's body is larger than the server accepts (413).</summary>
    TooLarge,

    /// <summary>The caller must wait before trying again (429).</summary>
    TooManyRequests,

    /// <summary>The server failed (500).</summary>
    Internal,

    /// <summary>The server cannot serve now, e.g. its store is out of reach (503).</summary>
    Unavailable,
}
