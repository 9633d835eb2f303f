namespace VideoConf.Server.Settings;

/// <summary>The ids of every setting the service reads.</summary>
internal static class SettingIds
{
    public const string ApiEnableRateLimiter = "API_Enable_Rate_Limiter";
    public const string ApiRateLimiterCallsDefault = "API_Enable_Rate_Limiter_Limit_Calls_Default";
    public const string ApiRateLimiterTimeDefault = "API_Enable_Rate_Limiter_Limit_Time_Default";
    public const string ApiDefaultCount = "API_Default_Count";
    public const string ApiUpperCountLimit = "API_Upper_Count_Limit";
    public const string ApiAllowInfiniteCount = "API_Allow_Infinite_Count";
    public const string ApiEnableCors = "API_Enable_CORS";
    public const string ApiCorsOrigin = "API_CORS_Origin";
    public const string AccountsRegistrationForm = "Accounts_RegistrationForm";
    public const string AccountsAllowAnonymousRead = "Accounts_AllowAnonymousRead";
    public const string BlockFailedLoginsEnabled = "Block_Multiple_Failed_Logins_Enabled";
    public const string BlockFailedLoginsByUser = "Block_Multiple_Failed_Logins_By_User";
    public const string BlockFailedLoginsUserAttempts = "Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User";
    public const string BlockFailedLoginsUserMinutes = "Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes";
    public const string BlockFailedLoginsByIp = "Block_Multiple_Failed_Logins_By_Ip";
    public const string BlockFailedLoginsIpAttempts = "Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip";
    public const string BlockFailedLoginsIpMinutes = "Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes";
    public const string BlockFailedLoginsIpWhitelist = "Block_Multiple_Failed_Logins_Ip_Whitelist";
    public const string DdpRateLimitEnabled = "DDP_Rate_Limit_Enabled";
    public const string VideoConfEnabledProviders = "VideoConf_Enabled_Providers";
    public const string VideoConfDefaultProvider = "VideoConf_Default_Provider";
    public const string VideoConfRingingTimeout = "VideoConf_Ringing_Timeout";
    public const string VideoConfExpirationHours = "VideoConf_Expiration_Hours";
    public const string JitsiDomain = "Jitsi_Domain";
    public const string JitsiUrlRoomPrefix = "Jitsi_URL_Room_Prefix";
    public const string JitsiSsl = "Jitsi_SSL";
    public const string JitsiEnabledTokenAuth = "Jitsi_Enabled_TokenAuth";
    public const string JitsiApplicationId = "Jitsi_Application_ID";
    public const string JitsiApplicationSecret = "Jitsi_Application_Secret";
    public const string GoogleMeetUrlPrefix = "GoogleMeet_URL_Prefix";
    public const string BigBlueButtonServerUrl = "BigBlueButton_Server_URL";
    public const string BigBlueButtonSharedSecret = "BigBlueButton_Shared_Secret";
    public const string CustomProviderLabel = "Custom_Provider_Label";
    public const string CustomProviderUrlTemplate = "Custom_Provider_URL_Template";
    public const string CustomProviderCapabilities = "Custom_Provider_Capabilities";
    public const string SiteUrl = "Site_Url";
}
