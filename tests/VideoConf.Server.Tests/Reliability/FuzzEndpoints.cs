namespace VideoConf.Server.Tests.Reliability;

/// <summary>What a parameter holds, so the generator can mix real values (ids that exist) with bad ones.</summary>
internal enum FieldKind
{
    Text,
    StoredText,
    RoomId,
    CallId,
    UserId,
    Username,
    Usernames,
    MessageId,
    SettingIds,
    Number,
    Boolean,
    Password,
    UsernameArray,
    RoleArray,
    MediaState,
    AnyValue,
}

internal sealed record FuzzField(string Name, FieldKind Kind);

/// <summary>An endpoint as the generator sees it: method, path (with <c>{id}</c> for a setting id) and parameters.</summary>
internal sealed record FuzzEndpoint(string Method, string Path, params FuzzField[] Fields)
{
    public bool IsPost => Method == "POST";

    public string Name => $"{Method} {Path}";
}

/// <summary>Every route the server answers, with its parameters as the contract lists them.</summary>
internal static class FuzzEndpoints
{
    private static FuzzField F(string name, FieldKind kind) => new(name, kind);

    public static readonly IReadOnlyList<FuzzEndpoint> All =
    [
        new("POST", "/api/v1/login", F("user", FieldKind.Username), F("username", FieldKind.Username), F("email", FieldKind.Text),
            F("password", FieldKind.Password), F("resume", FieldKind.Text), F("code", FieldKind.Text)),
        new("POST", "/api/v1/logout"),
        new("GET", "/api/v1/logout"),
        new("GET", "/api/v1/me"),
        new("POST", "/api/v1/users.create", F("username", FieldKind.Username), F("email", FieldKind.Text), F("password", FieldKind.Text),
            F("name", FieldKind.Text), F("roles", FieldKind.RoleArray), F("active", FieldKind.Boolean), F("verified", FieldKind.Boolean),
            F("joinDefaultChannels", FieldKind.Boolean), F("requirePasswordChange", FieldKind.Boolean), F("sendWelcomeEmail", FieldKind.Boolean)),
        new("POST", "/api/v1/users.register", F("username", FieldKind.Username), F("email", FieldKind.Text), F("pass", FieldKind.Text), F("name", FieldKind.Text)),
        new("GET", "/api/v1/users.info", F("userId", FieldKind.UserId), F("username", FieldKind.Username)),
        new("POST", "/api/v1/users.generatePersonalAccessToken", F("tokenName", FieldKind.StoredText), F("bypassTwoFactor", FieldKind.Boolean)),
        new("POST", "/api/v1/channels.create", F("name", FieldKind.Text), F("members", FieldKind.UsernameArray), F("readOnly", FieldKind.Boolean)),
        new("POST", "/api/v1/groups.create", F("name", FieldKind.Text), F("members", FieldKind.UsernameArray), F("readOnly", FieldKind.Boolean)),
        new("POST", "/api/v1/channels.invite", F("roomId", FieldKind.RoomId), F("userId", FieldKind.UserId)),
        new("POST", "/api/v1/groups.invite", F("roomId", FieldKind.RoomId), F("userId", FieldKind.UserId)),
        new("POST", "/api/v1/channels.kick", F("roomId", FieldKind.RoomId), F("userId", FieldKind.UserId)),
        new("POST", "/api/v1/groups.kick", F("roomId", FieldKind.RoomId), F("userId", FieldKind.UserId)),
        new("POST", "/api/v1/channels.join", F("roomId", FieldKind.RoomId), F("joinCode", FieldKind.Text)),
        new("POST", "/api/v1/im.create", F("username", FieldKind.Username), F("usernames", FieldKind.Usernames), F("excludeSelf", FieldKind.Boolean)),
        new("GET", "/api/v1/rooms.info", F("roomId", FieldKind.RoomId), F("roomName", FieldKind.Text)),
        new("GET", "/api/v1/subscriptions.getOne", F("roomId", FieldKind.RoomId)),
        new("GET", "/api/v1/chat.getMessage", F("msgId", FieldKind.MessageId)),
        new("GET", "/api/v1/channels.info", F("roomId", FieldKind.RoomId), F("roomName", FieldKind.Text)),
        new("GET", "/api/v1/groups.info", F("roomId", FieldKind.RoomId), F("roomName", FieldKind.Text)),
        new("GET", "/api/v1/channels.list", F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/channels.list.joined", F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/groups.list", F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/groups.listAll", F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/im.list", F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/settings.public", F("_id", FieldKind.SettingIds), F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/settings/{id}"),
        new("POST", "/api/v1/settings/{id}", F("value", FieldKind.AnyValue)),
        new("POST", "/api/v1/video-conference.start", F("roomId", FieldKind.RoomId), F("title", FieldKind.StoredText), F("allowRinging", FieldKind.Boolean)),
        new("POST", "/api/v1/video-conference.join", F("callId", FieldKind.CallId), F("state", FieldKind.MediaState)),
        new("POST", "/api/v1/video-conference.cancel", F("callId", FieldKind.CallId)),
        new("GET", "/api/v1/video-conference.info", F("callId", FieldKind.CallId)),
        new("GET", "/api/v1/video-conference.list", F("roomId", FieldKind.RoomId), F("offset", FieldKind.Number), F("count", FieldKind.Number)),
        new("GET", "/api/v1/video-conference.providers"),
        new("GET", "/api/v1/video-conference.capabilities"),
        new("GET", "/api/info"),
        new("GET", "/api/openapi.json"),
        new("GET", "/health/live"),
        new("GET", "/health/ready"),
        new("GET", "/metrics"),
        // The realtime API's upgrades: plain requests to them are refused in the envelope; the SockJS route is sent
        // with its pattern as the path, which serves nothing.
        new("GET", "/websocket"),
        new("GET", "/sockjs/info"),
        new("GET", "/sockjs/{serverId:regex(^[0-9]{{3}}$)}/{sessionId}/websocket"),
    ];

    /// <summary>
    /// Settings the generator may change as the admin. Others (the rate limiter, the enabled providers) would make
    /// the rest of the run answer 429 or provider errors only, which tests less.
    /// </summary>
    public static readonly IReadOnlyList<string> ChangeableSettings =
    [
        "Custom_Provider_Label", "Custom_Provider_Capabilities", "Custom_Provider_URL_Template", "VideoConf_Default_Provider",
        "VideoConf_Ringing_Timeout", "Jitsi_Enabled_TokenAuth", "Jitsi_Application_Secret", "Accounts_AllowAnonymousRead", "API_Default_Count",
    ];

    public static readonly IReadOnlyList<string> ReadableSettings =
        [.. ChangeableSettings, "API_Enable_Rate_Limiter", "Accounts_RegistrationForm", "VideoConf_Enabled_Providers", "Jitsi_SSL"];
}
