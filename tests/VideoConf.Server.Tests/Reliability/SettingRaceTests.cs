using System.Text.Json.Nodes;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Settings.SettingsScenario;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R7: concurrent changes of one setting leave in force the value the store holds, whatever order the saves and
/// the updates of the in-memory value happen to run in.
/// </summary>
public sealed class SettingRaceTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    private const int Trials = 60;
    private const int ChangesPerTrial = 40;
    private const string Id = "Jitsi_URL_Room_Prefix";

    [Fact]
    public async Task FortyParallelChangesByTwoAdmins_LeaveTheStoredValueInForceInEveryTrial()
    {
        var admins = new[] { await factory.LoginAdminAsync(), await factory.NewUserAsync("second.admin", "admin") };
        var store = factory.GetService<ISettingStore>();
        var diverged = new List<string>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var changes = Enumerable.Range(0, ChangesPerTrial).Select(i => Task.Run(async () =>
                (await SetSettingAsync(admins[i % 2], Id, $"\"Trial{trial}Change{i}\"")).AssertOk())).ToList();
            await Task.WhenAll(changes);

            var inForce = (await GetSettingAsync(admins[0], Id)).Json["value"]!.GetValue<string>();
            var stored = JsonNode.Parse((await store.LoadAllAsync())[Id])!.GetValue<string>();
            if (inForce != stored)
            {
                diverged.Add($"trial {trial}: in force {inForce}, stored {stored}");
            }
        }

        Assert.True(diverged.Count == 0, $"{diverged.Count} of {Trials} trials diverged: {string.Join("; ", diverged)}");
    }
}
