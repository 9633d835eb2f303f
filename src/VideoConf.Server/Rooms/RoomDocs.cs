using Microsoft.OpenApi;
using static VideoConf.Server.Http.OpenApi.DocSchema;

namespace VideoConf.Server.Rooms;

/// <summary>Response bodies of the room, subscription and message endpoints, for the OpenAPI document.</summary>
internal static class RoomDocs
{
    public const string Tag = "Rooms";

    private static OpenApiSchema UserRef() => Object(("_id", String()), ("username", String()));

    /// <summary>A room as <see cref="RoomDto"/> writes it; <c>rid</c>, <c>uids</c> and <c>usernames</c> on direct rooms only.</summary>
    public static OpenApiSchema Room() => Object(
        ("_id", String()),
        ("rid?", String()),
        ("t", Enum(RoomTypes.Channel, RoomTypes.Group, RoomTypes.Direct)),
        ("name?", String()),
        ("fname?", String()),
        ("u", UserRef()),
        ("msgs", Integer()),
        ("usersCount", Integer()),
        ("ro", Boolean()),
        ("ts", Date()),
        ("_updatedAt", Date()),
        ("uids?", ArrayOf(String())),
        ("usernames?", ArrayOf(String())));

    public static OpenApiSchema Subscription() => Object(
        ("_id", String()),
        ("rid", String()),
        ("u", UserRef()),
        ("t", Enum(RoomTypes.Channel, RoomTypes.Group, RoomTypes.Direct)),
        ("name", Nullable(String())),
        ("fname", Nullable(String())),
        ("roles", ArrayOf(String())),
        ("open", Boolean()),
        ("alert", Boolean()),
        ("ts", Date()),
        ("_updatedAt", Date()),
        ("unread", Integer()),
        ("userMentions", Integer()),
        ("groupMentions", Integer()));

    public static OpenApiSchema Message() => Object(
        ("_id", String()),
        ("rid", String()),
        ("t?", String()),
        ("msg", String()),
        ("u", Object(("_id", String()), ("username", String()), ("name", String()))),
        ("ts", Date()),
        ("_updatedAt", Date()),
        ("blocks?", ArrayOf(Object(("type", String()), ("blockId?", String()), ("callId?", String()), ("appId?", String())))));

    public static OpenApiSchema Envelope(string key, OpenApiSchema body) => Object((key, body));
}
