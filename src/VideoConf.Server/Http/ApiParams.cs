using System.Text.Json.Nodes;
using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Http;

/// <summary>
/// A request's parameters after they passed the endpoint's schema (and were coerced by it). Handlers read typed
/// values from here; nothing binds from the raw request.
/// </summary>
internal sealed class ApiParams(JsonObject values)
{
    public JsonObject Values { get; } = values;

    public string? String(string name) => Values[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public double? Number(string name) => Values[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : Values[name] is JsonValue raw && raw.GetValueKind() == System.Text.Json.JsonValueKind.Number ? SchemaValidator.ReadNumber(raw)
        : null;

    public bool? Bool(string name) => Values[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public ApiParams? Object(string name) => Values[name] is JsonObject o ? new ApiParams(o) : null;

    public IReadOnlyList<string>? Strings(string name) => Values[name] is JsonArray array
        ? array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty).ToList()
        : null;

    public JsonNode? Raw(string name) => Values[name];

    /// <summary>Filled by <see cref="ApiRequestMiddleware"/> before the handler runs.</summary>
    public static ValueTask<ApiParams?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Features.Get<ApiParams>());
}
