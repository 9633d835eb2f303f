using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using VideoConf.Server.Events;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Settings;

/// <summary>Outcome of changing a setting through the API.</summary>
internal enum SettingChange
{
    Changed,
    NotFound,
    Invalid,
}

/// <summary>
/// The settings in force. Values resolve, lowest to highest: the registry default, configuration section
/// <c>Settings</c>, the value last saved through the API, and <c>OVERWRITE_SETTING_&lt;id&gt;</c> (forced at every start).
/// Reads are in-memory; changes are persisted (secrets encrypted with Data Protection) before they take effect, and
/// each change is then announced as a <see cref="SettingChanged"/> (other instances re-read the value from the store).
/// </summary>
internal sealed partial class SettingsService(
    ISettingStore store,
    IConfiguration configuration,
    IDataProtectionProvider dataProtection,
    EventHub events,
    TimeProvider time,
    ILogger<SettingsService> logger) : ISettingsReader
{
    private readonly ConcurrentDictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastStored = new(StringComparer.Ordinal);
    private const string OverwritePrefix = "OVERWRITE_SETTING_";

    private readonly ConcurrentDictionary<string, bool> _forcedAtStart = new(StringComparer.Ordinal);

    /// <summary>
    /// Orders every store write or read of settings with the update of the values in force that follows it, so the
    /// value in force is always the one this instance last saw in the store.
    /// </summary>
    private readonly SemaphoreSlim _order = new(1, 1);
    private readonly IDataProtector _secrets = dataProtection.CreateProtector("VideoConf.Settings.Secrets");

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadAllAsync(cancellationToken);
        foreach (var (id, json) in stored)
        {
            _lastStored[id] = json;
        }
        foreach (var definition in SettingsRegistry.All)
        {
            var value = definition.Default;
            if (configuration[$"Settings:{definition.Id}"] is { } configured)
            {
                value = ParseStartupValue(definition, configured, $"Settings:{definition.Id}");
            }
            if (stored.TryGetValue(definition.Id, out var json) && ReadStored(definition, json) is { } saved)
            {
                value = saved;
            }
            if (configuration[$"{OverwritePrefix}{definition.Id}"] is { } forced)
            {
                value = ParseStartupValue(definition, forced, $"{OverwritePrefix}{definition.Id}");
                _forcedAtStart[definition.Id] = true;
            }
            _values[definition.Id] = value;
        }
        WarnAboutUnknownOverwrites();
    }

    public bool GetBool(string id) => (bool)Get(id);

    public int GetInt(string id) => (int)Get(id);

    public string GetString(string id) => (string)Get(id);

    public object Get(string id) =>
        _values.TryGetValue(id, out var value) ? value : SettingsRegistry.ById[id].Default;

    /// <summary>The value as the API shows it: secrets are masked.</summary>
    public JsonNode ToApiValue(SettingDefinition definition)
    {
        var value = Get(definition.Id);
        return definition.Secret && value is string { Length: > 0 } ? JsonValue.Create("********") : SettingValues.ToJson(value);
    }

    /// <summary>
    /// Validates, persists, applies and announces a value sent through the API; the error is set when the value is
    /// invalid. The announcement is made under <see cref="_order"/>, so this instance announces its changes in the
    /// order it stored them.
    /// </summary>
    public async Task<(SettingChange Outcome, string? Error)> SetAsync(string id, JsonNode? node, CancellationToken cancellationToken = default)
    {
        if (!SettingsRegistry.ById.TryGetValue(id, out var definition))
        {
            return (SettingChange.NotFound, null);
        }
        var error = SettingValues.TryFromJson(definition, node, out var value);
        if (error is not null)
        {
            return (SettingChange.Invalid, error);
        }
        var json = SettingValues.ToJson(definition.Secret ? _secrets.Protect((string)value) : value).ToJsonString();
        await _order.WaitAsync(cancellationToken);
        try
        {
            await store.SaveAsync(id, json, time.GetUtcNow().UtcDateTime, cancellationToken);
            Apply(id, json, value);
            events.Publish(new SettingChanged(id));
        }
        finally
        {
            _order.Release();
        }
        return (SettingChange.Changed, null);
    }

    /// <summary>Re-reads one setting from the store (another instance changed it and announced it; not announced again).</summary>
    public async Task ReloadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SettingsRegistry.ById.TryGetValue(id, out var definition))
        {
            return;
        }
        await _order.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.LoadAllAsync(cancellationToken);
            if (stored.TryGetValue(id, out var json) && ReadStored(definition, json) is { } value)
            {
                Apply(id, json, value);
            }
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>
    /// Re-reads every stored setting and puts in force each stored value that differs from the value in force (a
    /// safety net for lost change notices). A value forced at start holds until the stored value changes.
    /// </summary>
    public async Task ReloadAllAsync(CancellationToken cancellationToken = default)
    {
        await _order.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.LoadAllAsync(cancellationToken);
            foreach (var (id, json) in stored)
            {
                if (!SettingsRegistry.ById.TryGetValue(id, out var definition)
                    || (_forcedAtStart.ContainsKey(id) && _lastStored.TryGetValue(id, out var seen) && seen == json))
                {
                    continue;
                }
                if (ReadStored(definition, json) is { } value && !value.Equals(Get(id)))
                {
                    Apply(id, json, value);
                }
                else
                {
                    _lastStored[id] = json;
                }
            }
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>Puts a value read from or written to the store in force; callers hold <see cref="_order"/>.</summary>
    private void Apply(string id, string storedJson, object value)
    {
        _lastStored[id] = storedJson;
        _forcedAtStart.TryRemove(id, out _);
        _values[id] = value;
        LogChanged(logger, id);
    }

    private void WarnAboutUnknownOverwrites()
    {
        foreach (var entry in configuration.GetChildren())
        {
            if (entry.Key.StartsWith(OverwritePrefix, StringComparison.OrdinalIgnoreCase)
                && !SettingsRegistry.ById.Keys.Any(id => string.Equals(id, entry.Key[OverwritePrefix.Length..], StringComparison.OrdinalIgnoreCase)))
            {
                LogUnknownOverwrite(logger, entry.Key);
            }
        }
    }

    private object? ReadStored(SettingDefinition definition, string json)
    {
        var value = SettingValues.FromStored(definition, json);
        if (value is null)
        {
            LogStoredValueIgnored(logger, definition.Id);
            return null;
        }
        if (!definition.Secret)
        {
            return value;
        }
        try
        {
            return _secrets.Unprotect((string)value);
        }
        catch (CryptographicException)
        {
            LogStoredValueIgnored(logger, definition.Id);
            return null;
        }
    }

    private static object ParseStartupValue(SettingDefinition definition, string text, string source) =>
        SettingValues.TryParseText(definition, text, out var value) is { } error
            ? throw new InvalidOperationException($"{source}: '{text}' {error} for setting {definition.Id}.")
            : value;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Setting {SettingId} changed")]
    private static partial void LogChanged(ILogger logger, string settingId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Key} names no setting; it is ignored")]
    private static partial void LogUnknownOverwrite(ILogger logger, string key);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Stored value of setting {SettingId} could not be read; using its configured value")]
    private static partial void LogStoredValueIgnored(ILogger logger, string settingId);
}
