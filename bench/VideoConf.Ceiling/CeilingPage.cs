using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoConf.Ceiling;

internal sealed record CallUserDto(
    [property: JsonPropertyName("_id")] string Id, string Username, string Name, string? AvatarETag, string Ts);

internal sealed record MessagesDto(string Started);

internal sealed record ActorDto([property: JsonPropertyName("_id")] string Id, string Name, string Username);

internal sealed record CallDto(
    [property: JsonPropertyName("_id")] string Id,
    string Type,
    string Rid,
    IReadOnlyList<CallUserDto> Users,
    MessagesDto Messages,
    int Status,
    int AnonymousUsers,
    string Title,
    string CreatedAt,
    ActorDto CreatedBy,
    string ProviderName,
    bool Ringing,
    string Url,
    string EndedAt,
    [property: JsonPropertyName("_updatedAt")] string UpdatedAt);

internal sealed record CeilingPage(IReadOnlyList<CallDto> Data, int Offset, int Count, int Total, bool Success)
{
    /// <summary>Calls shaped like the server's seeded ones (one joined user, ended, Jitsi).</summary>
    public static CeilingPage Create(int count)
    {
        var calls = Enumerable.Range(0, count).Select(i =>
        {
            var id = $"69786d0a{i:x16}";
            return new CallDto(
                id, "videoconference", "benchRoomId000001",
                [new CallUserDto("benchBotUserId001", "bench-bot", "Bench Bot", null, "2026-01-27T07:45:14.977Z")],
                new MessagesDto("benchMessage00001"), 2, 0, "bench-room", "2026-01-27T07:45:14.533Z",
                new ActorDto("benchBotUserId001", "Bench Bot", "bench-bot"), "jitsi", false,
                $"https://meet.jit.si/RocketChat{id}", "2026-01-28T07:45:14.533Z", "2026-01-28T07:45:14.533Z");
        }).ToList();
        return new CeilingPage(calls, 0, count, 1_000_000, true);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CeilingPage))]
internal sealed partial class CeilingJson : JsonSerializerContext;
