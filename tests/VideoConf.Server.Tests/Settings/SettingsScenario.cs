using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Settings;

/// <summary>The contract's settings table (§7) and shared steps of the settings tests.</summary>
internal static class SettingsScenario
{
    public const string Mask = "********";

    /// <summary>
    /// Every public setting with its default as the contract gives it, except <c>API_Enable_Rate_Limiter</c>, which the
    /// test factory turns off through <c>Settings:API_Enable_Rate_Limiter</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, JsonNode> PublicDefaults = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
    {
        ["API_Enable_Rate_Limiter"] = false,
        ["API_Enable_Rate_Limiter_Limit_Calls_Default"] = 10,
        ["API_Enable_Rate_Limiter_Limit_Time_Default"] = 60000,
        ["API_Default_Count"] = 50,
        ["API_Upper_Count_Limit"] = 100,
        ["API_Allow_Infinite_Count"] = true,
        ["API_Enable_CORS"] = false,
        ["API_CORS_Origin"] = "*",
        ["Accounts_RegistrationForm"] = "Public",
        ["Accounts_AllowAnonymousRead"] = false,
        ["VideoConf_Enabled_Providers"] = "jitsi",
        ["VideoConf_Default_Provider"] = "",
        ["VideoConf_Ringing_Timeout"] = 40,
        ["VideoConf_Expiration_Hours"] = 24,
        ["Jitsi_Domain"] = "meet.jit.si",
        ["Jitsi_URL_Room_Prefix"] = "RocketChat",
        ["Jitsi_SSL"] = true,
        ["Jitsi_Enabled_TokenAuth"] = false,
        ["Jitsi_Application_ID"] = "",
        ["GoogleMeet_URL_Prefix"] = "RocketChat_",
        ["BigBlueButton_Server_URL"] = "",
        ["Custom_Provider_Label"] = "Custom",
        ["Custom_Provider_URL_Template"] = "",
        ["Custom_Provider_Capabilities"] = "",
    };

    public static readonly IReadOnlyList<string> SecretIds = ["Jitsi_Application_Secret", "BigBlueButton_Shared_Secret"];

    public static Task<ApiResponse> GetSettingAsync(ApiClient client, string id) => client.GetAsync($"settings/{id}");

    /// <summary>POSTs <c>{"value": valueJson}</c> with the value given as raw JSON.</summary>
    public static Task<ApiResponse> SetSettingAsync(ApiClient client, string id, string valueJson) =>
        client.PostAsync($"settings/{id}", $$"""{"value":{{valueJson}}}""");

    /// <summary>The value <c>settings.public?_id=id</c> lists for one public setting.</summary>
    public static async Task<JsonNode?> PublicValueAsync(ApiClient client, string id)
    {
        var response = await client.GetAsync($"settings.public?_id={id}");
        response.AssertOk();
        var settings = response.Json["settings"]!.AsArray();
        Assert.Single(settings);
        Assert.Equal(id, settings[0]!["_id"]!.GetValue<string>());
        return settings[0]!["value"];
    }

    public static string SettingJson(string id, string valueJson) => $$"""{"_id":"{{id}}","value":{{valueJson}},"success":true}""";
}
