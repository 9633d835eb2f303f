using Microsoft.OpenApi;
using VideoConf.Server.Http.OpenApi;
using static VideoConf.Server.Http.OpenApi.DocSchema;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Response bodies of the video-conference endpoints, for the OpenAPI document. The call record follows
/// the user's seed (Rocket.Chat's published video-conference.list page): the same fields with the same types.
/// </summary>
internal static class VideoConferenceDocs
{
    public const string Tag = "Video Conference";

    private static OpenApiSchema Actor() => Object(("_id", String()), ("name", String()), ("username", String()));

    /// <summary>The call record as <see cref="CallJson"/> writes it (contract §6.1).</summary>
    public static OpenApiSchema Call() => Object(
        ("_id", String()),
        ("type", Enum("direct", "videoconference")),
        ("rid", String()),
        ("users", ArrayOf(Object(
            ("_id", String()),
            ("username", String()),
            ("name", String()),
            ("avatarETag", Nullable(String())),
            ("ts", Date())))),
        ("messages", Object(("started", String()))),
        ("status", Described(IntegerEnum(0, 1, 2, 3, 4), "0 CALLING, 1 STARTED, 2 EXPIRED, 3 ENDED, 4 DECLINED.")),
        ("anonymousUsers?", Described(Integer(), "videoconference calls only.")),
        ("title?", Described(String(), "videoconference calls only.")),
        ("createdAt", Date()),
        ("createdBy", Actor()),
        ("providerName", String()),
        ("ringing?", Described(Boolean(), "Present only on calls that rang; false once answered, cancelled or timed out.")),
        ("url", String()),
        ("endedAt?", Date()),
        ("endedBy?", Actor()),
        ("_updatedAt", Date()));

    public static OpenApiSchema Capabilities() => Object(("mic", Boolean()), ("cam", Boolean()), ("title", Boolean()), ("persistentChat", Boolean()));

    public static OpenApiSchema Start()
    {
        var conference = Object(("type", Enum("videoconference")), ("callId", String()), ("rid", String()), ("providerName", String()));
        var direct = Object(("type", Enum("direct")), ("calleeId", String()), ("callId", String()), ("providerName", String()));
        return Object(("data", new OpenApiSchema { OneOf = [conference, direct] }));
    }

    public static OpenApiSchema Join() => Object(("url", String()), ("providerName", String()));

    public static OpenApiSchema Info()
    {
        var info = Call();
        info.Properties!["capabilities"] = Described(Capabilities(), "The call's provider's capabilities; {} when that provider is no longer enabled.");
        info.Required!.Add("capabilities");
        return info;
    }

    public static OpenApiSchema List() => Object(
        ("data", ArrayOf(Call())),
        ("offset", Integer()),
        ("count", Integer()),
        ("total", Integer()));

    public static OpenApiSchema Providers() => Object(("data", ArrayOf(Object(("key", String()), ("label", String())))));

    public static OpenApiSchema ActiveCapabilities() => Object(("providerName", String()), ("capabilities", Capabilities()));
}
