using static VideoConf.Server.Settings.SettingIds;

namespace VideoConf.Server.Settings;

/// <summary>Every setting of the service with its type, default and visibility (the contract's settings table).</summary>
internal static class SettingsRegistry
{
    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new(ApiEnableRateLimiter, SettingType.Boolean, true, Public: true),
        new(ApiRateLimiterCallsDefault, SettingType.Int, 10, Public: true),
        new(ApiRateLimiterTimeDefault, SettingType.Int, 60000, Public: true),
        new(ApiDefaultCount, SettingType.Int, 50, Public: true),
        new(ApiUpperCountLimit, SettingType.Int, 100, Public: true),
        new(ApiAllowInfiniteCount, SettingType.Boolean, true, Public: true),
        new(ApiEnableCors, SettingType.Boolean, false, Public: true),
        new(ApiCorsOrigin, SettingType.String, "*", Public: true),
        new(AccountsRegistrationForm, SettingType.Select, "Public", Public: true, Options: ["Public", "Disabled"]),
        new(AccountsAllowAnonymousRead, SettingType.Boolean, false, Public: true),
        new(BlockFailedLoginsEnabled, SettingType.Boolean, true, Public: false),
        new(BlockFailedLoginsByUser, SettingType.Boolean, true, Public: false),
        new(BlockFailedLoginsUserAttempts, SettingType.Int, 5, Public: false),
        new(BlockFailedLoginsUserMinutes, SettingType.Int, 5, Public: false),
        new(BlockFailedLoginsByIp, SettingType.Boolean, true, Public: false),
        new(BlockFailedLoginsIpAttempts, SettingType.Int, 50, Public: false),
        new(BlockFailedLoginsIpMinutes, SettingType.Int, 5, Public: false),
        new(BlockFailedLoginsIpWhitelist, SettingType.String, "", Public: false),
        new(VideoConfEnabledProviders, SettingType.String, "jitsi", Public: true),
        new(VideoConfDefaultProvider, SettingType.String, "", Public: true),
        new(VideoConfRingingTimeout, SettingType.Int, 40, Public: true),
        new(VideoConfExpirationHours, SettingType.Int, 24, Public: true),
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
    ];

    public static readonly IReadOnlyDictionary<string, SettingDefinition> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);
}
