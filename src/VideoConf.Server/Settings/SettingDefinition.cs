namespace VideoConf.Server.Settings;

/// <summary>The value types settings can have, as Rocket.Chat names them.</summary>
internal enum SettingType
{
    Boolean,
    Int,
    String,
    Select,
}

/// <summary>A setting's identity, type, default and visibility. Secret settings are encrypted at rest and masked.</summary>
internal sealed record SettingDefinition(
    string Id,
    SettingType Type,
    object Default,
    bool Public,
    bool Secret = false,
    IReadOnlyList<string>? Options = null);
