using System.Text.Json.Nodes;
using Npgsql;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>R7 on two instances: concurrent changes of one setting on both leave the stored value in force on both.</summary>
public sealed partial class TwoInstanceTests
{
    private const int SettingRaceTrials = 25;
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task FortyParallelChangesOnBothInstances_LeaveTheStoredValueInForceOnBothWithinTwoSeconds()
    {
        const string id = "Jitsi_URL_Room_Prefix";
        var admins = new[] { await cluster.A.LoginAdminAsync(), await cluster.B.LoginAdminAsync() };
        var diverged = new List<string>();
        for (var trial = 0; trial < SettingRaceTrials; trial++)
        {
            // Even trials alternate the instances; in odd ones the last half of the changes all go to A, so no
            // later notice from B makes A re-read the store after its own burst.
            var changes = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
                (await admins[trial % 2 == 1 && i >= 20 ? 0 : i % 2].PostAsync($"settings/{id}", new { value = $"Trial{trial}Change{i}" })).AssertOk())).ToList();
            await Task.WhenAll(changes);

            var seen = await Eventually.PollAsync(
                async () => new[] { await StoredSettingAsync(id), await InForceAsync(admins[0], id), await InForceAsync(admins[1], id) },
                values => values.Distinct().Count() == 1,
                SettleTime);
            if (seen.Distinct().Count() != 1)
            {
                diverged.Add($"trial {trial}: stored {seen[0]}, A {seen[1]}, B {seen[2]}");
            }
        }

        Assert.True(diverged.Count == 0, $"{diverged.Count} of {SettingRaceTrials} trials diverged after 2 s: {string.Join("; ", diverged)}");
    }

    private static async Task<string> InForceAsync(ApiClient admin, string id) =>
        (await admin.GetAsync($"settings/{id}")).Json["value"]!.GetValue<string>();

    private async Task<string> StoredSettingAsync(string id)
    {
        await using var connection = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM settings WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!.GetValue<string>();
    }
}
