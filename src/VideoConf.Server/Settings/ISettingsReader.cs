namespace VideoConf.Server.Settings;

/// <summary>Read access to settings values, so pure code (providers) can be tested without a store.</summary>
internal interface ISettingsReader
{
    bool GetBool(string id);

    int GetInt(string id);

    string GetString(string id);
}
