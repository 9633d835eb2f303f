namespace VideoConf.Server.Settings;

/// <summary>The value types settings can have, as Rocket.Chat names them.</summary>
internal enum SettingType
{
    Boolean,
    Int,
    String,
    Select,
}

/// <summary>
/// A setting's identity, type, default and visibility. Secret settings are encrypted at rest and masked. An int
/// setting may have a range (<paramref name="Min"/>..<paramref name="Max"/>, both inclusive); a value outside it is
/// refused wherever it comes from.
/// </summary>
internal sealed record SettingDefinition(
    string Id,
    SettingType Type,
    object Default,
    bool Public,
    bool Secret = false,
    IReadOnlyList<string>? Options = null,
    int Min = int.MinValue,
    int Max = int.MaxValue)
{
    /// <summary>The AJV-style message for an int outside the range, or null when it is inside.</summary>
    public string? RangeError(int value) =>
        value < Min ? $"must be >= {Min}" : value > Max ? $"must be <= {Max}" : null;
}
