using Microsoft.Data.Sqlite;
using static VideoConf.Server.Storage.Sqlite.SqliteCommands;

namespace VideoConf.Server.Storage.Sqlite;

internal sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const string Columns =
        "u.id, u.username, u.name, u.email, u.email_verified, u.password_hash, u.roles, u.active, u.status, u.avatar_etag, u.created_at, u.updated_at";

    public Task<UserRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        FindOneAsync("u.id = $key", id, cancellationToken);

    public Task<UserRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        FindOneAsync("u.username = $key", username, cancellationToken);

    public Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        FindOneAsync("u.email = $key", email, cancellationToken);

    public Task<IReadOnlyList<UserRecord>> FindByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<UserRecord>>(async connection =>
        {
            if (usernames.Count == 0)
            {
                return [];
            }
            return await connection.Command($"SELECT {Columns} FROM users u WHERE u.username IN (SELECT value FROM json_each($names))")
                .With("$names", ToJsonList([.. usernames]))
                .QueryListAsync(Map, cancellationToken);
        }, cancellationToken);

    public Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var found = await connection.Command("SELECT 1 FROM users u WHERE EXISTS (SELECT 1 FROM json_each(u.roles) WHERE value = $role) LIMIT 1")
                .With("$role", role).ExecuteScalarAsync(cancellationToken);
            return found is not null;
        }, cancellationToken);

    public Task<CreateUserOutcome> CreateAsync(UserRecord user, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var clash = await connection.Command(
                    "SELECT CASE WHEN username = $username THEN 1 ELSE 2 END FROM users WHERE username = $username OR ($email IS NOT NULL AND email = $email) ORDER BY 1 LIMIT 1",
                    transaction)
                .With("$username", user.Username).With("$email", user.Email)
                .ExecuteScalarAsync(cancellationToken);
            if (clash is long kind)
            {
                return kind == 1 ? CreateUserOutcome.UsernameTaken : CreateUserOutcome.EmailTaken;
            }
            await connection.Command(
                    """
                    INSERT INTO users (id, username, name, email, email_verified, password_hash, roles, active, status, avatar_etag, created_at, updated_at)
                    VALUES ($id, $username, $name, $email, $verified, $hash, $roles, $active, $status, $etag, $created, $updated)
                    """, transaction)
                .With("$id", user.Id).With("$username", user.Username).With("$name", user.Name).With("$email", user.Email)
                .With("$verified", user.EmailVerified).With("$hash", user.PasswordHash).With("$roles", ToJsonList(user.Roles))
                .With("$active", user.Active).With("$status", user.Status).With("$etag", user.AvatarETag)
                .With("$created", ToMs(user.CreatedAt)).With("$updated", ToMs(user.UpdatedAt))
                .ExecuteNonQueryAsync(cancellationToken);
            return CreateUserOutcome.Created;
        }, cancellationToken);

    public Task SetStatusAsync(string userId, string status, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) =>
            connection.Command("UPDATE users SET status = $status, updated_at = $updated WHERE id = $id AND status <> $status", transaction)
                .With("$status", status).With("$updated", ToMs(updatedAt)).With("$id", userId)
                .ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    public Task AddTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => InsertToken(connection, transaction, token, cancellationToken), cancellationToken);

    public Task<bool> AddPersonalTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            try
            {
                await InsertToken(connection, transaction, token, cancellationToken);
                return true;
            }
            catch (SqliteException ex) when (ex.IsUniqueViolation())
            {
                return false;
            }
        }, cancellationToken);

    public Task<UserRecord?> FindByTokenAsync(string hashedToken, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {Columns} FROM login_tokens t JOIN users u ON u.id = t.user_id WHERE t.hashed_token = $token")
                .With("$token", hashedToken)
                .QuerySingleAsync(Map, cancellationToken), cancellationToken);

    public Task<bool> RemoveTokenAsync(string userId, string hashedToken, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.Command("DELETE FROM login_tokens WHERE hashed_token = $token AND user_id = $user", transaction)
                .With("$token", hashedToken).With("$user", userId)
                .ExecuteNonQueryAsync(cancellationToken) > 0, cancellationToken);

    private static Task<int> InsertToken(SqliteConnection connection, SqliteTransaction transaction, LoginTokenRecord token, CancellationToken cancellationToken) =>
        connection.Command("INSERT INTO login_tokens (hashed_token, user_id, kind, name, created_at) VALUES ($token, $user, $kind, $name, $created)", transaction)
            .With("$token", token.HashedToken).With("$user", token.UserId).With("$kind", token.Kind).With("$name", token.Name)
            .With("$created", ToMs(token.CreatedAt))
            .ExecuteNonQueryAsync(cancellationToken);

    private Task<UserRecord?> FindOneAsync(string where, string key, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {Columns} FROM users u WHERE {where}").With("$key", key).QuerySingleAsync(Map, cancellationToken),
            cancellationToken);

    private static UserRecord Map(SqliteDataReader r) => new(
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
