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
        DatabaseConnectionString = await Postgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Postgres"] = DatabaseConnectionString,
            ["ConnectionStrings__Redis"] = Redis.ConnectionString,
            ["ADMIN_USERNAME"] = VideoConfFactory.AdminUsername,
            ["ADMIN_PASS"] = VideoConfFactory.AdminPassword,
            ["ADMIN_EMAIL"] = "admin@videoconf.test",
            ["Accounts__PasswordWorkFactor"] = "4",
            // The limiter starts off so set-up traffic is not limited; tests that need it turn it on.
            ["Settings__API_Enable_Rate_Limiter"] = "false",
            ["Settings__API_Enable_Rate_Limiter_Limit_Calls_Default"] = DefaultCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Settings__API_Enable_Rate_Limiter_Limit_Time_Default"] = "600000",
        };
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

    public Task<ApiClient> LoginAdminAsync(ServerProcess server) =>
        server.CreateApiClient().LoginAsync(VideoConfFactory.AdminUsername, VideoConfFactory.AdminPassword);

    /// <summary>Creates a user on A and logs them in on <paramref name="server"/>.</summary>
    public async Task<ApiClient> CreateUserAsync(string username, ServerProcess server)
    {
        var admin = await LoginAdminAsync(A);
        (await admin.PostAsync("users.create", new
        {
            username,
            email = $"{username}@videoconf.test",
            password = VideoConfFactory.PasswordOf(username),
            name = username,
        })).AssertOk();
        return await server.CreateApiClient().LoginAsync(username, VideoConfFactory.PasswordOf(username));
    }

    /// <summary>Polls until <paramref name="done"/> holds, for at most 10 s.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var last = await probe();
        while (!done(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            last = await probe();
        }
        return done(last) ? last : throw new Xunit.Sdk.XunitException($"{what} did not happen within 10 s; last: {last}");
    }
}
