namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Whether the servers some tests start themselves (PostgreSQL, Redis) are installed. Without them those tests are
/// reported as skipped, never as passed; with <c>VIDEOCONF_REQUIRE_SERVICES=1</c> (as CI sets) they run anyway and
/// fail, so a machine without the services cannot pass the suite.
/// </summary>
public static class ExternalServices
{
    public static bool Required => Environment.GetEnvironmentVariable("VIDEOCONF_REQUIRE_SERVICES") == "1";

    /// <summary>Why a PostgreSQL test is skipped here, or null when it runs.</summary>
    public static string? PostgresSkipReason => SkipReason(PostgresServer.FindBinDirectory() is not null, "PostgreSQL binaries (/usr/lib/postgresql/*/bin)");

    /// <summary>Why a Redis test is skipped here, or null when it runs.</summary>
    public static string? RedisSkipReason => SkipReason(RedisServer.FindBinary() is not null, "redis-server");

    private static string? SkipReason(bool installed, string what) =>
        installed || Required ? null : $"{what} not installed; VIDEOCONF_REQUIRE_SERVICES=1 makes this a failure";
}
