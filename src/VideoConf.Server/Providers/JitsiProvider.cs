using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Providers;

/// <summary>
/// Jitsi Meet: the room is <c>&lt;prefix&gt;&lt;callId&gt;</c> on the configured domain; the join URL carries the
/// joiner's media state and display name in the fragment, and an HS256 token when token auth is on.
/// </summary>
internal sealed class JitsiProvider : IVideoConfProvider
{
    private static readonly JsonWebTokenHandler TokenHandler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Key => "jitsi";

    public string Label(ISettingsReader settings) => "Jitsi";

    public ProviderCapabilities Capabilities(ISettingsReader settings) => new(Mic: true, Cam: true, Title: true, PersistentChat: false);

    public bool IsConfigured(ISettingsReader settings) =>
        settings.GetString(SettingIds.JitsiDomain).Trim().Length > 0
        && (!settings.GetBool(SettingIds.JitsiEnabledTokenAuth)
            || (settings.GetString(SettingIds.JitsiApplicationId).Length > 0 && settings.GetString(SettingIds.JitsiApplicationSecret).Length > 0));

    public string CallUrl(ProviderCall call, ISettingsReader settings)
    {
        var scheme = settings.GetBool(SettingIds.JitsiSsl) ? "https" : "http";
        return $"{scheme}://{settings.GetString(SettingIds.JitsiDomain).Trim()}/{RoomName(call, settings)}";
    }

    public ProviderJoin JoinUrl(ProviderCall call, ProviderUser user, MediaState state, DateTimeOffset now, ISettingsReader settings)
    {
        var url = new StringBuilder(CallUrl(call, settings));
        if (settings.GetBool(SettingIds.JitsiEnabledTokenAuth))
        {
            url.Append("?jwt=").Append(CreateToken(call, user, now, settings));
        }
        var fragment = new List<string>(3);
        if (state.Mic is { } mic)
        {
            fragment.Add($"config.startWithAudioMuted={(!mic ? "true" : "false")}");
        }
        if (state.Cam is { } cam)
        {
            fragment.Add($"config.startWithVideoMuted={(!cam ? "true" : "false")}");
        }
        if ((user.Name ?? user.Username) is { } displayName)
        {
            fragment.Add($"userInfo.displayName={Uri.EscapeDataString(JsonSerializer.Serialize(displayName))}");
        }
        if (fragment.Count > 0)
        {
            url.Append('#').AppendJoin('&', fragment);
        }
        return new ProviderJoin(url.ToString());
    }

    private static string RoomName(ProviderCall call, ISettingsReader settings) =>
        settings.GetString(SettingIds.JitsiUrlRoomPrefix) + call.CallId;

    private static string CreateToken(ProviderCall call, ProviderUser user, DateTimeOffset now, ISettingsReader settings)
    {
        var applicationId = settings.GetString(SettingIds.JitsiApplicationId);
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.GetString(SettingIds.JitsiApplicationSecret)));
        var issuedAt = now.ToUnixTimeSeconds();
        var descriptor = new SecurityTokenDescriptor
        {
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256) { CryptoProviderFactory = AnyLengthHmac.Factory },
            Claims = new Dictionary<string, object>
            {
                ["aud"] = applicationId,
                ["iss"] = applicationId,
                ["sub"] = settings.GetString(SettingIds.JitsiDomain).Trim(),
                ["room"] = RoomName(call, settings),
                ["iat"] = issuedAt,
                ["nbf"] = issuedAt,
                ["exp"] = issuedAt + 3600,
                ["context"] = new Dictionary<string, object>
                {
                    ["user"] = new Dictionary<string, object?>
                    {
                        ["id"] = user.Id,
                        ["name"] = user.Name ?? user.Username,
                        ["email"] = user.Email,
                    },
                },
            },
        };
        return TokenHandler.CreateToken(descriptor);
    }
}
