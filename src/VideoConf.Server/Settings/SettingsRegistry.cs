using static VideoConf.Server.Settings.SettingIds;

namespace VideoConf.Server.Settings;

/// <summary>Every setting of the service with its type, default and visibility (the contract's settings table).</summary>
internal static class SettingsRegistry
{
    /// <summary>A year: calls are never kept open longer, and the expiry arithmetic stays far from overflow.</summary>
    public const int MaxExpirationHours = 8760;

    /// <summary>A year, in minutes: the longest a login block can last.</summary>
    public const int MaxBlockMinutes = 525_600;

    /// <summary>A day: ringing longer than that is no longer ringing.</summary>
    public const int MaxRingingSeconds = 86400;

    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new(ApiEnableRateLimiter, SettingType.Boolean, true, Public: true),
        new(ApiRateLimiterCallsDefault, SettingType.Int, 10, Public: true, Min: 1),
        new(ApiRateLimiterTimeDefault, SettingType.Int, 60000, Public: true, Min: 1),
        new(ApiDefaultCount, SettingType.Int, 50, Public: true, Min: 1),
        new(ApiUpperCountLimit, SettingType.Int, 100, Public: true, Min: 1),
        new(ApiAllowInfiniteCount, SettingType.Boolean, true, Public: true),
        new(ApiEnableCors, SettingType.Boolean, false, Public: true),
        new(ApiCorsOrigin, SettingType.String, "*", Public: true),
        new(AccountsRegistrationForm, SettingType.Select, "Public", Public: true, Options: ["Public", "Disabled"]),
        new(AccountsAllowAnonymousRead, SettingType.Boolean, false, Public: true),
        new(BlockFailedLoginsEnabled, SettingType.Boolean, true, Public: false),
        new(BlockFailedLoginsByUser, SettingType.Boolean, true, Public: false),
        new(BlockFailedLoginsUserAttempts, SettingType.Int, 5, Public: false, Min: 1),
        new(BlockFailedLoginsUserMinutes, SettingType.Int, 5, Public: false, Min: 1, Max: MaxBlockMinutes),
        new(BlockFailedLoginsByIp, SettingType.Boolean, true, Public: false),
        new(BlockFailedLoginsIpAttempts, SettingType.Int, 50, Public: false, Min: 1),
        new(BlockFailedLoginsIpMinutes, SettingType.Int, 5, Public: false, Min: 1, Max: MaxBlockMinutes),
        new(BlockFailedLoginsIpWhitelist, SettingType.String, "", Public: false),
        new(DdpRateLimitEnabled, SettingType.Boolean, true, Public: false),
        new(VideoConfEnabledProviders, SettingType.String, "jitsi", Public: true),
        new(VideoConfDefaultProvider, SettingType.String, "", Public: true),
        new(VideoConfRingingTimeout, SettingType.Int, 40, Public: true, Min: 1, Max: MaxRingingSeconds),
        new(VideoConfExpirationHours, SettingType.Int, 24, Public: true, Min: 1, Max: MaxExpirationHours),
        new(JitsiDomain, SettingType.String, "meet.jit.si", Public: true),
        new(JitsiUrlRoomPrefix, SettingType.String, "RocketChat", Public: true),
        new(JitsiSsl, SettingType.Boolean, true, Public: true),
        new(JitsiEnabledTokenAuth, SettingType.Boolean, false, Public: true),
        new(JitsiApplicationId, SettingType.String, "", Public: true),
        new(JitsiApplicationSecret, SettingType.String, "", Public: false, Secret: true),
        new(GoogleMeetUrlPrefix, SettingType.String, "RocketChat_", Public: true),
        new(BigBlueButtonServerUrl, SettingType.String, "", Public: true),
        new(BigBlueButtonSharedSecret, SettingType.String, "", Public: false, Secret: true),
        new(CustomProviderLabel, SettingType.String, "Custom", Public: true),
        new(CustomProviderUrlTemplate, SettingType.String, "", Public: true),
        new(CustomProviderCapabilities, SettingType.String, "", Public: true),
        new(SiteUrl, SettingType.String, "", Public: false),
    ];

    public static readonly IReadOnlyDictionary<string, SettingDefinition> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);
}
