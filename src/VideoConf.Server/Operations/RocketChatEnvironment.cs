using Npgsql;

namespace VideoConf.Server.Operations;

/// <summary>
/// Rocket.Chat's environment conventions, translated into this service's configuration keys: <c>ROOT_URL</c> sets
/// <c>Site_Url</c>, <c>DATABASE_URL</c> (<c>postgres://user:pass@host:port/db</c>) the PostgreSQL store,
/// <c>REDIS_URL</c> (<c>redis://[:pass@]host:port[/db]</c>) the Redis connection, and <c>VIDEOCONF_DATA</c> the
/// directory of the SQLite file. A key the configuration already sets keeps its value.
/// </summary>
internal static class RocketChatEnvironment
{
    public static void AddRocketChatEnvironment(this ConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (configuration["ROOT_URL"] is { Length: > 0 } rootUrl)
        {
            values["Settings:Site_Url"] = rootUrl;
        }
        if (configuration["DATABASE_URL"] is { Length: > 0 } databaseUrl)
        {
            values["ConnectionStrings:Postgres"] = PostgresConnectionString(databaseUrl);
            values["Storage:Provider"] = "postgres";
        }
        if (configuration["REDIS_URL"] is { Length: > 0 } redisUrl)
        {
            values["ConnectionStrings:Redis"] = RedisConnectionString(redisUrl);
        }
        if (configuration["VIDEOCONF_DATA"] is { Length: > 0 } data)
        {
            values["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(Path.GetFullPath(data), "videoconf.db")}";
        }
        var missing = values.Where(v => string.IsNullOrEmpty(configuration[v.Key])).ToDictionary(v => v.Key, v => v.Value);
        if (missing.Count > 0)
        {
            configuration.AddInMemoryCollection(missing);
        }
    }

    /// <summary><c>postgres://user:pass@host:port/db?…</c> as an Npgsql connection string.</summary>
    public static string PostgresConnectionString(string url)
    {
        var uri = ParseUrl("DATABASE_URL", url, "postgres", "postgresql");
        var (user, password) = UserInfo(uri);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (user is { Length: > 0 })
        {
            builder.Username = user;
        }
        if (password is { Length: > 0 })
        {
            builder.Password = password;
        }
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new InvalidOperationException("DATABASE_URL: the URL names no database (postgres://user:pass@host:port/db).");
        }
        return builder.ConnectionString;
    }

    /// <summary><c>redis://[:pass@]host:port[/db]</c> as a StackExchange.Redis configuration string.</summary>
    public static string RedisConnectionString(string url)
    {
        var uri = ParseUrl("REDIS_URL", url, "redis", "rediss");
        var (user, password) = UserInfo(uri);
        var parts = new List<string> { $"{uri.Host}:{(uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port)}" };
        if (user is { Length: > 0 })
        {
            parts.Add($"user={user}");
        }
        if (password is { Length: > 0 })
        {
            parts.Add($"password={password}");
        }
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            if (!int.TryParse(database, out var number) || number < 0)
            {
                throw new InvalidOperationException($"REDIS_URL: '{database}' is not a database number (redis://[:pass@]host:port[/db]).");
            }
            parts.Add($"defaultDatabase={number}");
        }
        if (uri.Scheme == "rediss")
        {
            parts.Add("ssl=true");
        }
        return string.Join(',', parts);
    }

    private static Uri ParseUrl(string name, string url, params string[] schemes)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{name}: not a {schemes[0]}:// URL.");
        }
        return uri;
    }

    private static (string? User, string? Password) UserInfo(Uri uri)
    {
        if (uri.UserInfo.Length == 0)
        {
            return (null, null);
        }
        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(uri.UserInfo), null)
            : (Uri.UnescapeDataString(uri.UserInfo[..colon]), Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
    }
}
