using System.Data.Common;
using static VideoConf.Server.Storage.Sql.SqlCommands;

namespace VideoConf.Server.Storage.Sql;

internal sealed class SqlUserStore(SqlDatabase database) : IUserStore
{
    private const string Columns =
        "u.id, u.username, u.name, u.email, u.email_verified, u.password_hash, u.roles, u.active, u.status, u.avatar_etag, u.created_at, u.updated_at";

    public Task<UserRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        FindOneAsync("u.id = @key", id, cancellationToken);

    public Task<UserRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        FindOneAsync("lower(u.username) = lower(@key)", username, cancellationToken);

    public Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        FindOneAsync("u.email = @key", email, cancellationToken);

    /// <summary>
    /// Usernames are looked up in batches: a request can name tens of thousands of them, more than SQLite (32,766) or
    /// PostgreSQL (65,535) accept as parameters of one statement.
    /// </summary>
    private const int UsernamesPerQuery = 500;

    public Task<IReadOnlyList<UserRecord>> FindByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<UserRecord>>(async connection =>
        {
            var found = new List<UserRecord>();
            foreach (var batch in usernames.Select(u => u.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Chunk(UsernamesPerQuery))
            {
                await using var command = connection.OneOffCommand(string.Empty);
                var list = command.WithList("n", batch);
                command.CommandText = $"SELECT {Columns} FROM users u WHERE lower(u.username) IN ({list})";
                found.AddRange(await command.QueryListAsync(Map, cancellationToken));
            }
            // Each user once, as a single IN (...) would return them.
            return found.DistinctBy(u => u.Id).ToList();
        }, cancellationToken);

    public Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            // Roles are a JSON array of plain names, so a quoted name matches exactly one element.
            await connection.Command("SELECT 1 FROM users WHERE roles LIKE @pattern LIMIT 1")
                .With("@pattern", $"%\"{role}\"%").ScalarInt64Async(cancellationToken) is not null, cancellationToken);

    public Task<CreateUserOutcome> CreateAsync(UserRecord user, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await connection.Command(
                    """
                    INSERT INTO users (id, username, name, email, email_verified, password_hash, roles, active, status, avatar_etag, created_at, updated_at)
                    VALUES (@id, @username, @name, @email, @verified, @hash, @roles, @active, @status, @etag, @created, @updated)
                    ON CONFLICT DO NOTHING
                    """, transaction)
                .With("@id", user.Id).With("@username", user.Username).With("@name", user.Name).With("@email", user.Email)
                .With("@verified", user.EmailVerified).With("@hash", user.PasswordHash).With("@roles", ToJsonList(user.Roles))
                .With("@active", user.Active).With("@status", user.Status).With("@etag", user.AvatarETag)
                .With("@created", ToMs(user.CreatedAt)).With("@updated", ToMs(user.UpdatedAt))
                .ExecuteNonQueryAsync(cancellationToken);
            if (inserted == 1)
            {
                return CreateUserOutcome.Created;
            }
            var usernameTaken = await connection.Command("SELECT 1 FROM users WHERE lower(username) = lower(@username)", transaction)
                .With("@username", user.Username).ScalarInt64Async(cancellationToken) is not null;
            return usernameTaken ? CreateUserOutcome.UsernameTaken : CreateUserOutcome.EmailTaken;
        }, cancellationToken);

    public Task SetStatusAsync(string userId, string status, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) =>
            connection.Command("UPDATE users SET status = @status, updated_at = @updated WHERE id = @id AND status <> @status", transaction)
                .With("@status", status).With("@updated", ToMs(updatedAt)).With("@id", userId)
                .ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    public Task AddTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => InsertToken(connection, transaction, token, cancellationToken), cancellationToken);

    public Task<bool> AddPersonalTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await InsertToken(connection, transaction, token, cancellationToken) == 1, cancellationToken);

    public Task<UserRecord?> FindByTokenAsync(string hashedToken, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {Columns} FROM login_tokens t JOIN users u ON u.id = t.user_id WHERE t.hashed_token = @token")
                .With("@token", hashedToken)
                .QuerySingleAsync(Map, cancellationToken), cancellationToken);

    public Task<bool> RemoveTokenAsync(string userId, string hashedToken, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.Command("DELETE FROM login_tokens WHERE hashed_token = @token AND user_id = @user", transaction)
                .With("@token", hashedToken).With("@user", userId)
                .ExecuteNonQueryAsync(cancellationToken) > 0, cancellationToken);

    /// <summary>Inserts the token; 0 rows when a personal token of that name exists already.</summary>
    private static Task<int> InsertToken(DbConnection connection, DbTransaction transaction, LoginTokenRecord token, CancellationToken cancellationToken) =>
        connection.Command(
                "INSERT INTO login_tokens (hashed_token, user_id, kind, name, created_at) VALUES (@token, @user, @kind, @name, @created) ON CONFLICT DO NOTHING",
                transaction)
            .With("@token", token.HashedToken).With("@user", token.UserId).With("@kind", token.Kind).With("@name", token.Name)
            .With("@created", ToMs(token.CreatedAt))
            .ExecuteNonQueryAsync(cancellationToken);

    private Task<UserRecord?> FindOneAsync(string where, string key, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {Columns} FROM users u WHERE {where}").With("@key", key).QuerySingleAsync(Map, cancellationToken),
            cancellationToken);

    private static UserRecord Map(DbDataReader r) => new(
        Id: r.GetString(0),
        Username: r.GetString(1),
        Name: r.GetString(2),
        Email: r.GetNullableString(3),
        EmailVerified: r.GetBoolean(4),
        PasswordHash: r.GetNullableString(5),
        Roles: FromJsonList(r.GetString(6)),
        Active: r.GetBoolean(7),
        Status: r.GetString(8),
        AvatarETag: r.GetNullableString(9),
        CreatedAt: FromMs(r.GetInt64(10)),
        UpdatedAt: FromMs(r.GetInt64(11)));
}
