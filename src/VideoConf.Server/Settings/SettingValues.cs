using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Settings;

/// <summary>Conversions of setting values between their typed form, JSON and configuration text.</summary>
internal static class SettingValues
{
    /// <summary>
    /// Parses configuration or environment text by the setting's type (<c>true</c>/<c>false</c>, integers in range,
    /// strings); returns why the text is refused, or null.
    /// </summary>
    public static string? TryParseText(SettingDefinition definition, string text, out object value)
    {
        value = definition.Default;
        switch (definition.Type)
        {
            case SettingType.Boolean when bool.TryParse(text.Trim(), out var flag):
                value = flag;
                return null;
            case SettingType.Int when int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                value = number;
                return definition.RangeError(number);
            case SettingType.String:
                value = text;
                return null;
            case SettingType.Select when definition.Options!.Contains(text):
                value = text;
                return null;
            default:
                return $"is not a valid {definition.Type.ToString().ToLowerInvariant()} value";
        }
    }

    /// <summary>Checks a value sent through the API, strictly by type; returns the AJV-style message on failure.</summary>
    public static string? TryFromJson(SettingDefinition definition, JsonNode? node, out object value)
    {
        value = definition.Default;
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        switch (definition.Type)
        {
            case SettingType.Boolean:
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return "must be boolean";
                }
                value = kind == JsonValueKind.True;
                return null;
            case SettingType.Int:
                if (kind != JsonValueKind.Number || !node!.AsValue().TryGetValue<double>(out var d) || Math.Floor(d) != d || d is < int.MinValue or > int.MaxValue)
                {
                    return "must be integer";
                }
                value = (int)d;
                return definition.RangeError((int)d);
            default:
                if (kind != JsonValueKind.String)
                {
                    return "must be string";
                }
                var text = node!.GetValue<string>();
                if (definition.Type == SettingType.Select && !definition.Options!.Contains(text))
                {
                    return "must be equal to one of the allowed values";
                }
                value = text;
                return null;
        }
    }

    public static JsonNode ToJson(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        _ => JsonValue.Create((string)value),
    };

    /// <summary>Reads a value persisted by <see cref="ToJson"/>; null when it no longer fits the setting's type.</summary>
    public static object? FromStored(SettingDefinition definition, string json)
    {
        try
        {
            return TryFromJson(definition, JsonNode.Parse(json), out var value) is null ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
