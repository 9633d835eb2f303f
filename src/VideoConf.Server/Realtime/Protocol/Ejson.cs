using System.Text.Json;
using System.Text.Json.Serialization;
using VideoConf.Server.Http;

namespace VideoConf.Server.Realtime.Protocol;

/// <summary>
/// Meteor's EJSON, as far as the realtime API uses it: a date is <c>{"$date": &lt;milliseconds since the epoch&gt;}</c>,
/// never an ISO string (unlike REST).
/// </summary>
internal static class Ejson
{
    /// <summary>The API's JSON options with dates as EJSON: the REST records (messages, …) serialize the same otherwise.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    public static long Milliseconds(DateTime value) =>
        new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static void WriteDate(Utf8JsonWriter writer, DateTime value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("$date", Milliseconds(value));
        writer.WriteEndObject();
    }

    public static void WriteDate(Utf8JsonWriter writer, string propertyName, DateTime value)
    {
        writer.WritePropertyName(propertyName);
        WriteDate(writer, value);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ApiJson.Options);
        // Converters are tried in order: this one comes before the API's ISO-date converter.
        options.Converters.Insert(0, new DateConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class DateConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("EJSON dates are only written.");

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => WriteDate(writer, value);
    }
}
