using VideoConf.Server.Operations;

namespace VideoConf.Server.Tests.Operations;

/// <summary>operations.md §1: <c>DATABASE_URL</c> and <c>REDIS_URL</c> in Rocket.Chat's URL forms.</summary>
public sealed class RocketChatEnvironmentTests
{
    [Theory]
    [InlineData("postgres://vc:s%40cret@db.example:6543/videoconf", "Host=db.example;Port=6543;Database=videoconf;Username=vc;Password=s@cret")]
    [InlineData("postgresql://db.example/videoconf", "Host=db.example;Port=5432;Database=videoconf")]
    public void DatabaseUrl_BecomesAnNpgsqlConnectionString(string url, string expected) =>
        Assert.Equal(expected, RocketChatEnvironment.PostgresConnectionString(url));

    [Theory]
    [InlineData("redis://cache.example:6380", "cache.example:6380")]
    [InlineData("redis://:p%3Ass@cache.example:6379/2", "cache.example:6379,password=p:ss,defaultDatabase=2")]
    [InlineData("redis://cache.example", "cache.example:6379")]
    public void RedisUrl_BecomesAStackExchangeConfiguration(string url, string expected) =>
        Assert.Equal(expected, RocketChatEnvironment.RedisConnectionString(url));

    [Theory]
    [InlineData("mysql://u:topsecret@db/x")]
    [InlineData("postgres://u:topsecret@db.example:5432/")]
    [InlineData("not a url")]
    public void DatabaseUrl_Malformed_NamesTheVariableButNotThePassword(string url)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => RocketChatEnvironment.PostgresConnectionString(url));

        Assert.StartsWith("DATABASE_URL: ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisUrl_WithANonNumericDatabase_NamesTheVariable()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => RocketChatEnvironment.RedisConnectionString("redis://cache.example:6379/zero"));

        Assert.StartsWith("REDIS_URL: ", failure.Message, StringComparison.Ordinal);
    }
}
