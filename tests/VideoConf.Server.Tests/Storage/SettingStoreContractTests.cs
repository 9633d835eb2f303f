using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Storage.StoreRecords;

namespace VideoConf.Server.Tests.Storage;

/// <summary>
/// The <see cref="ISettingStore"/> and <see cref="IDataProtectionKeyStore"/> contracts (values kept as text by id),
/// the same cases on every backend.
/// </summary>
[Trait("Category", "Contract")]
public sealed class SettingStoreContractTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Settings_AreLoadedAsSaved_AndTheLastSaveOfAnIdWins(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        Assert.Empty(await stores.Settings.LoadAllAsync());

        await stores.Settings.SaveAsync("Jitsi_Domain", "\"meet.example.org\"", Now);
        await stores.Settings.SaveAsync("VideoConf_Ringing_Timeout", "40", Now);
        await stores.Settings.SaveAsync("Custom_Provider_Label", "\"Réunion \\u0022rapide\\u0022 🚀\"", Now);
        await stores.Settings.SaveAsync("VideoConf_Ringing_Timeout", "15", Now.AddMinutes(1));

        var loaded = await stores.Settings.LoadAllAsync();
        Assert.Equal(3, loaded.Count);
        Assert.Equal("\"meet.example.org\"", loaded["Jitsi_Domain"]);
        Assert.Equal("15", loaded["VideoConf_Ringing_Timeout"]);
        Assert.Equal("\"Réunion \\u0022rapide\\u0022 🚀\"", loaded["Custom_Provider_Label"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SettingsSavedInParallel_KeepOneOfTheValuesOfEachId(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var values = Enumerable.Range(0, 20).Select(i => $"\"value-{i}\"").ToList();

        await Task.WhenAll(values.Select(v => Task.Run(() => stores.Settings.SaveAsync("Jitsi_URL_Room_Prefix", v, Now))));

        var loaded = await stores.Settings.LoadAllAsync();
        Assert.Contains(Assert.Single(loaded).Value, values);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task DataProtectionKeys_AreListedByName_AndStoringANameAgainReplacesIt(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        Assert.Empty(stores.Keys.GetAllXml());

        stores.Keys.Store("key-b", "<key id=\"b\" />");
        stores.Keys.Store("key-a", "<key id=\"a\" />");
        stores.Keys.Store("key-b", "<key id=\"b\" revoked=\"true\" />");

        Assert.Equal(["<key id=\"a\" />", "<key id=\"b\" revoked=\"true\" />"], stores.Keys.GetAllXml());
    }
}
