using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>
/// Two server processes on one PostgreSQL cluster of their own (so it can be stopped without disturbing other
/// tests) and one Redis, as operators run VideoConf behind a load balancer.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const int DefaultCalls = 3;

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public ServerProcess A { get; private set; } = null!;

    public ServerProcess B { get; private set; } = null!;

    /// <summary>The database both instances share, for tests that compare what they serve with what is stored.</summary>
    public string DatabaseConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartAsync();
        Redis = await RedisServer.StartAsync();
        // The limiter starts off (as in every test server) so set-up traffic is not limited; tests that need it turn it on.
        var environment = await ServerEnvironment.OnPostgresAsync(Postgres);
        DatabaseConnectionString = environment["ConnectionStrings__Postgres"];
        environment["ConnectionStrings__Redis"] = Redis.ConnectionString;
        environment["Settings__API_Enable_Rate_Limiter_Limit_Calls_Default"] = DefaultCalls.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Settings__API_Enable_Rate_Limiter_Limit_Time_Default"] = "600000";
        A = await ServerProcess.StartAsync(environment);
        B = await ServerProcess.StartAsync(environment);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
