using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace VideoConf.Server.Storage.Sql;

/// <summary>Small helpers that keep the SQL in the stores readable.</summary>
internal static class SqlCommands
{
    /// <summary>
    /// A command for fixed SQL: the connection's prepared one when it keeps a <see cref="StatementCache"/> (never
    /// dispose it), otherwise a new one.
    /// </summary>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null) =>
        StatementCache.Find(connection, sql, transaction) ?? connection.OneOffCommand(sql, transaction);

    /// <summary>A new, uncached command: for SQL built at run time, schema changes and pragmas.</summary>
    public static DbCommand OneOffCommand(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// Adds a parameter. Text never carries NUL (U+0000): PostgreSQL's text type cannot hold it and fails the whole
    /// statement, so on both stores it becomes U+FFFD, the replacement character. The stores then hold the same data,
    /// and a lookup by an id or name holding NUL finds nothing, as no id or username contains U+FFFD.
    /// </summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            string text => StoredText(text),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Text as the stores hold it: NUL replaced (see <see cref="With"/>).</summary>
    public static string StoredText(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    /// <summary>Adds <c>@prefix0, @prefix1, …</c> and returns them as the text of an <c>IN (…)</c> list.</summary>
    public static string WithList(this DbCommand command, string prefix, IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"@{prefix}{names.Count}";
            command.With(name, value);
            names.Add(name);
        }
        return string.Join(", ", names);
    }

    public static long ToMs(DateTime value) => new DateTimeOffset(value.ToUniversalTime()).ToUnixTimeMilliseconds();

    public static long? ToMs(DateTime? value) => value is { } v ? ToMs(v) : null;

    public static DateTime FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value).UtcDateTime;

    public static string ToJsonList(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> FromJsonList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTime? GetNullableDate(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    public static async Task<long?> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    public static async Task<T?> QuerySingleAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
    }

    public static async Task<List<T>> QueryListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(map(reader));
        }
        return list;
    }
}
