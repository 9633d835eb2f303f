namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Which store the integration tests run on: <c>VIDEOCONF_TEST_BACKEND=postgres</c> runs every server the tests
/// start on PostgreSQL (a database per server on one throwaway cluster); anything else uses SQLite files.
/// </summary>
public static class TestBackend
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("VIDEOCONF_TEST_BACKEND"), "postgres", StringComparison.OrdinalIgnoreCase);
}
