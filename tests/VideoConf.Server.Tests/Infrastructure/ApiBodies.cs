namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>The fixed error bodies many routes share (contract §1.1), written out as the contract gives them.</summary>
public static class ApiBodies
{
    /// <summary>The 401 of every route that needs credentials (except <c>login</c>).</summary>
    public const string NotLoggedIn =
        """{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}""";

    /// <summary>The 401 of a failed <c>login</c>.</summary>
    public const string LoginFailed = """{"success":false,"status":"error","error":"Unauthorized","message":"Unauthorized"}""";

    /// <summary>The 403 of a missing permission.</summary>
    public const string Forbidden = """{"success":false,"error":"unauthorized"}""";

    /// <summary>The 404 of an unknown route or method.</summary>
    public const string NotFound = """{"success":false,"error":"Resource not found"}""";

    /// <summary>The 400 of a body that is not JSON.</summary>
    public const string InvalidJson = """{"success":false,"error":"Invalid JSON body [invalid-params]","errorType":"invalid-params"}""";

    /// <summary>The 413 of a body over the limit.</summary>
    public const string PayloadTooLarge = """{"success":false,"error":"Payload Too Large"}""";

    /// <summary>The 500 of a fault of ours.</summary>
    public const string InternalError = """{"success":false,"error":"Internal server error"}""";

    /// <summary>The 503 while the store cannot answer.</summary>
    public const string ServiceUnavailable = """{"success":false,"error":"Service Unavailable"}""";

    /// <summary><c>rooms.info</c>'s answer for a room the caller may not see (its own shape).</summary>
    public const string RoomNotAllowed = """{"success":false,"error":"not-allowed","errorType":"Not Allowed"}""";
}
