using System.Text.Json;

namespace VideoConf.Server.Realtime.Protocol;

/// <summary>
/// Meteor's EJSON, as far as the realtime API uses it: a date is <c>{"$date": &lt;milliseconds since the epoch&gt;}</c>,
/// never an ISO string (unlike REST).
/// </summary>
internal static class Ejson
{
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
}
