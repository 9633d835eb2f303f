using VideoConf.Server.Settings;

namespace VideoConf.Server.Tests.Providers;

/// <summary>
/// Settings from a dictionary, starting from the contract's provider defaults (§6.4, §7). Reading an id it does not
/// hold fails the test, so a provider cannot silently depend on a setting the contract does not name.
/// </summary>
internal sealed class FakeSettingsReader : ISettingsReader
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal)
    {
        ["Jitsi_Domain"] = "meet.jit.si",
        ["Jitsi_URL_Room_Prefix"] = "RocketChat",
        ["Jitsi_SSL"] = true,
        ["Jitsi_Enabled_TokenAuth"] = false,
        ["Jitsi_Application_ID"] = string.Empty,
        ["Jitsi_Application_Secret"] = string.Empty,
        ["GoogleMeet_URL_Prefix"] = "RocketChat_",
        ["BigBlueButton_Server_URL"] = string.Empty,
        ["BigBlueButton_Shared_Secret"] = string.Empty,
        ["Custom_Provider_Label"] = "Custom",
        ["Custom_Provider_URL_Template"] = string.Empty,
        ["Custom_Provider_Capabilities"] = string.Empty,
    };

    public FakeSettingsReader With(string id, object value)
    {
        _values[id] = value;
        return this;
    }

    public bool GetBool(string id) => (bool)Read(id);

    public int GetInt(string id) => (int)Read(id);

    public string GetString(string id) => (string)Read(id);

    private object Read(string id) =>
        _values.TryGetValue(id, out var value) ? value : throw new KeyNotFoundException($"The provider read setting '{id}', which the fake does not hold.");
}
