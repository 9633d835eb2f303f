using System.Text.Json.Serialization;

namespace VideoConf.Server.Providers;

/// <summary>What a provider's meetings support; all four are always sent.</summary>
internal sealed record ProviderCapabilities(
    [property: JsonPropertyName("mic")] bool Mic,
    [property: JsonPropertyName("cam")] bool Cam,
    [property: JsonPropertyName("title")] bool Title,
    [property: JsonPropertyName("persistentChat")] bool PersistentChat)
{
    public static readonly ProviderCapabilities None = new(false, false, false, false);
}

/// <summary>The call a URL is built for.</summary>
internal sealed record ProviderCall(string CallId, string RoomId, string? Title, string CreatedById);

/// <summary>The person joining; null fields for an anonymous guest.</summary>
internal sealed record ProviderUser(string? Id, string? Username, string? Name, string? Email)
{
    public static readonly ProviderUser Anonymous = new(null, null, null, null);
}

/// <summary>The microphone and camera state the joiner asked for, when given.</summary>
internal sealed record MediaState(bool? Mic, bool? Cam);

/// <summary>
/// A per-user join URL, and for providers that need it a request to make first (BigBlueButton's idempotent
/// <c>create</c>); failing that request means the URL cannot be used.
/// </summary>
internal sealed record ProviderJoin(string Url, Uri? CreateMeetingRequest = null);
