using VideoConf.Server.Settings;

namespace VideoConf.Server.Http;

/// <summary>How a request's <c>Origin</c> fares against <c>API_CORS_Origin</c> while CORS is on.</summary>
/// <param name="Allowed">False when the origin is not in the list.</param>
/// <param name="AllowOrigin">The <c>Access-Control-Allow-Origin</c> to send: <c>*</c>, the origin itself, or none when the request named no origin.</param>
internal readonly record struct OriginMatch(bool Allowed, string? AllowOrigin);

/// <summary>
/// Rocket.Chat's origin rule in one place, for the REST conventions and the realtime upgrade alike: with
/// <c>API_Enable_CORS</c> off nothing is checked; with it on, <c>API_CORS_Origin</c> is <c>*</c> (anyone) or a
/// comma-separated list of origins compared without regard to case.
/// </summary>
internal static class CorsOrigins
{
    public static bool Enabled(SettingsService settings) => settings.GetBool(SettingIds.ApiEnableCors);

    public static OriginMatch Match(SettingsService settings, string origin)
    {
        var configured = settings.GetString(SettingIds.ApiCorsOrigin).Trim();
        if (configured is "*" or "")
        {
            return new OriginMatch(true, "*");
        }
        if (origin.Length == 0)
        {
            return new OriginMatch(true, null);
        }
        var listed = configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(origin, StringComparer.OrdinalIgnoreCase);
        return listed ? new OriginMatch(true, origin) : new OriginMatch(false, null);
    }

    /// <summary>True when a request from <paramref name="origin"/> may go on: CORS is off, or the origin is allowed.</summary>
    public static bool Permits(SettingsService settings, string origin) => !Enabled(settings) || Match(settings, origin).Allowed;
}
