using System.Security.Cryptography;
using System.Text;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Providers;

/// <summary>
/// BigBlueButton: checksummed API URLs (<c>sha1(name + query + secret)</c>). Joining first asks the server to
/// <c>create</c> the meeting, which BigBlueButton treats as idempotent.
/// </summary>
internal sealed class BigBlueButtonProvider : IVideoConfProvider
{
    public string Key => "bigbluebutton";

    public string Label(ISettingsReader settings) => "BigBlueButton";

    public ProviderCapabilities Capabilities(ISettingsReader settings) => new(Mic: false, Cam: false, Title: true, PersistentChat: false);

    public bool IsConfigured(ISettingsReader settings) =>
        settings.GetString(SettingIds.BigBlueButtonServerUrl).Trim().Length > 0 && settings.GetString(SettingIds.BigBlueButtonSharedSecret).Length > 0;

    public string CallUrl(ProviderCall call, ISettingsReader settings) =>
        ApiUrl(settings, "join", Query(("meetingID", call.CallId)));

    public ProviderJoin JoinUrl(ProviderCall call, ProviderUser user, MediaState state, DateTimeOffset now, ISettingsReader settings)
    {
        var role = user.Id is not null && user.Id == call.CreatedById ? "MODERATOR" : "VIEWER";
        var join = ApiUrl(settings, "join", Query(
            ("meetingID", call.CallId),
            ("fullName", TextLimits.Bounded(user.Name ?? user.Username ?? "Anonymous", TextLimits.NameMax)),
            ("userID", user.Id ?? string.Empty),
            ("role", role)));
        // Bounded because names and titles stored before the text limits (or a title built from many usernames) can
        // be long enough to push the URL past what BigBlueButton's web server accepts, and the call could not be joined.
        var create = ApiUrl(settings, "create", Query(("meetingID", call.CallId), ("name", TextLimits.Bounded(call.Title ?? call.CallId, TextLimits.TitleMax))));
        return new ProviderJoin(join, new Uri(create));
    }

    /// <summary><c>&lt;server&gt;api/&lt;name&gt;?&lt;query&gt;&amp;checksum=&lt;sha1 hex of name + query + secret&gt;</c>.</summary>
    public static string ApiUrl(ISettingsReader settings, string name, string query)
    {
        var server = settings.GetString(SettingIds.BigBlueButtonServerUrl).Trim();
        if (!server.EndsWith('/'))
        {
            server += "/";
        }
        return $"{server}api/{name}?{query}&checksum={Checksum(name, query, settings.GetString(SettingIds.BigBlueButtonSharedSecret))}";
    }

    public static string Checksum(string name, string query, string secret) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(name + query + secret)));

    private static string Query(params (string Name, string Value)[] pairs) =>
        string.Join('&', pairs.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
}
