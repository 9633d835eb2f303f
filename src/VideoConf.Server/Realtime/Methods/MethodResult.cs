using System.Text.Json;
using VideoConf.Server.Realtime.Protocol;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>What a method answers: nothing, a value (written by <see cref="WriteResult"/>), or an error.</summary>
internal readonly record struct MethodResult(Action<Utf8JsonWriter>? WriteResult, MeteorError? Error)
{
    /// <summary>No <c>result</c> key at all, as for a method that returns nothing.</summary>
    public static readonly MethodResult Nothing = default;

    public static MethodResult Value(Action<Utf8JsonWriter> writeResult) => new(writeResult, null);

    public static MethodResult Fail(MeteorError error) => new(null, error);
}
