using System.Buffers;
using System.Text.Json;
using VideoConf.Server.Http;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// The call record as clients see it (§6.1 of the contract), keys in the contract's order. Stores keep these bytes
/// next to each call, rewritten on every change, so a list page is written from them without mapping rows.
/// </summary>
internal static class CallJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder };

    /// <summary>True when the bytes are exactly one well-formed JSON object (about half a microsecond per call).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static byte[] Serialize(CallRecord call)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteProperties(writer, call);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the record's properties into an object the caller opened (so <c>info</c> can add more).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, CallRecord call)
    {
        writer.WriteString("_id", call.Id);
        writer.WriteString("type", call.Type);
        writer.WriteString("rid", call.RoomId);
        writer.WriteStartArray("users");
        foreach (var user in call.Users)
        {
            writer.WriteStartObject();
            writer.WriteString("_id", user.Id);
            writer.WriteString("username", user.Username);
            writer.WriteString("name", user.Name);
            if (user.AvatarETag is null)
            {
                writer.WriteNull("avatarETag");
            }
            else
            {
                writer.WriteString("avatarETag", user.AvatarETag);
            }
            writer.WriteString("ts", ApiJson.FormatDate(user.Ts));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject("messages");
        writer.WriteString("started", call.StartedMessageId);
        writer.WriteEndObject();
        writer.WriteNumber("status", call.Status);
        if (call.Type == CallType.Conference)
        {
            writer.WriteNumber("anonymousUsers", call.AnonymousUsers);
            writer.WriteString("title", call.Title ?? string.Empty);
        }
        writer.WriteString("createdAt", ApiJson.FormatDate(call.CreatedAt));
        WriteActor(writer, "createdBy", call.CreatedBy);
        writer.WriteString("providerName", call.ProviderName);
        if (call.Ringing is { } ringing)
        {
            writer.WriteBoolean("ringing", ringing);
        }
        writer.WriteString("url", call.Url);
        if (call.EndedAt is { } endedAt)
        {
            writer.WriteString("endedAt", ApiJson.FormatDate(endedAt));
        }
        if (call.EndedBy is { } endedBy)
        {
            WriteActor(writer, "endedBy", endedBy);
        }
        writer.WriteString("_updatedAt", ApiJson.FormatDate(call.UpdatedAt));
    }

    private static void WriteActor(Utf8JsonWriter writer, string name, CallActor actor)
    {
        writer.WriteStartObject(name);
        writer.WriteString("_id", actor.Id);
        writer.WriteString("name", actor.Name);
        writer.WriteString("username", actor.Username);
        writer.WriteEndObject();
    }

    /// <summary>Reads a record back from its public JSON plus the private fields a store keeps beside it.</summary>
    public static CallRecord Deserialize(ReadOnlySpan<byte> json, long seq, string? calleeId, DateTime? ringingUntil, string? providerData)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new CallRecord(
            Id: root.GetProperty("_id").GetString()!,
            Type: root.GetProperty("type").GetString()!,
            RoomId: root.GetProperty("rid").GetString()!,
            Seq: seq,
            Users: root.GetProperty("users").EnumerateArray().Select(u => new CallUser(
                u.GetProperty("_id").GetString()!,
                u.GetProperty("username").GetString()!,
                u.GetProperty("name").GetString()!,
                u.GetProperty("avatarETag").GetString(),
                ReadDate(u.GetProperty("ts")))).ToList(),
            StartedMessageId: root.GetProperty("messages").GetProperty("started").GetString()!,
            Status: root.GetProperty("status").GetInt32(),
            AnonymousUsers: root.TryGetProperty("anonymousUsers", out var anonymous) ? anonymous.GetInt32() : 0,
            Title: root.TryGetProperty("title", out var title) ? title.GetString() : null,
            CreatedAt: ReadDate(root.GetProperty("createdAt")),
            CreatedBy: ReadActor(root.GetProperty("createdBy")),
            ProviderName: root.GetProperty("providerName").GetString()!,
            Ringing: root.TryGetProperty("ringing", out var ringing) ? ringing.GetBoolean() : null,
            Url: root.GetProperty("url").GetString()!,
            EndedAt: root.TryGetProperty("endedAt", out var endedAt) ? ReadDate(endedAt) : null,
            EndedBy: root.TryGetProperty("endedBy", out var endedBy) ? ReadActor(endedBy) : null,
            UpdatedAt: ReadDate(root.GetProperty("_updatedAt")),
            CalleeId: calleeId,
            RingingUntil: ringingUntil,
            ProviderData: providerData);
    }

    private static DateTime ReadDate(JsonElement element) =>
        DateTime.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static CallActor ReadActor(JsonElement element) => new(
        element.GetProperty("_id").GetString()!,
        element.GetProperty("name").GetString()!,
        element.GetProperty("username").GetString()!);
}
