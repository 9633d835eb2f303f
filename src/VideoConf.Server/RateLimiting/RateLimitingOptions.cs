namespace VideoConf.Server.RateLimiting;

/// <summary>Configuration section <c>RateLimiting</c>.</summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary><c>ip</c> (default): every caller by address; <c>user</c>: authenticated callers by user id, others by address.</summary>
    public string KeyBy { get; set; } = "ip";
}
