using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.VideoConferences;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Calls still open <c>VideoConf_Expiration_Hours</c> after creation expire (status 2) with <c>endedAt</c>.</summary>
public sealed class ExpiryTests
{
    [Fact]
    public async Task OpenCall_AfterTheExpirationHours_ExpiresThroughTheBackgroundSweep()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:VideoConf_Expiration_Hours", "2");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        var startedAt = factory.Time.GetUtcNow();

        factory.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var call = await alice.WaitForCallAsync(callId, c => c.Status() != 1);
        Assert.Equal(2, call.Status());
        var endedAt = DateTimeOffset.Parse(call["endedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(endedAt, startedAt.AddHours(2), startedAt.AddHours(2).AddMinutes(1));
        (await alice.JoinCallAsync(callId)).AssertPlainFailure("invalid-call");
    }

    [Fact]
    public async Task OpenCall_BeforeTheDefault24Hours_StaysOpen()
    {
        using var factory = new ManualTimekeepingFactory();
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        factory.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var moved = await factory.GetService<CallTimekeeper>().ExpireAsync(CancellationToken.None);

        Assert.Equal(0, moved);
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(1, call.Status());
        Assert.False(call.ContainsKey("endedAt"));
    }

    [Fact]
    public async Task OpenCall_AfterTheDefault24Hours_ExpiresOnceWithEndedAt()
    {
        using var factory = new ManualTimekeepingFactory();
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(), allowRinging: true);
        var timekeeper = factory.GetService<CallTimekeeper>();
        (await alice.JoinCallAsync(callId)).AssertOk();

        factory.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var expiredAt = WireFormat.Date(factory.Time.GetUtcNow());
        var moved = await timekeeper.ExpireAsync(CancellationToken.None);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var movedAgain = await timekeeper.ExpireAsync(CancellationToken.None);

        Assert.Equal(1, moved);
        Assert.Equal(0, movedAgain);
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(2, call.Status());
        Assert.Equal(expiredAt, call["endedAt"]!.GetValue<string>());
        Assert.Equal(expiredAt, call["_updatedAt"]!.GetValue<string>());
        Assert.False(call["ringing"]!.GetValue<bool>());
        Assert.Single(call["users"]!.AsArray());
    }

    [Fact]
    public async Task DeclinedCall_AfterTheExpirationHours_KeepsItsStatusAndEndedAt()
    {
        using var factory = new ManualTimekeepingFactory();
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);
        (await bob.CancelCallAsync(callId)).AssertOk();
        var declined = await alice.CallInfoAsync(callId);

        factory.Time.Advance(TimeSpan.FromHours(25));
        var moved = await factory.GetService<CallTimekeeper>().ExpireAsync(CancellationToken.None);

        Assert.Equal(0, moved);
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(4, call.Status());
        Assert.Equal(declined["endedAt"]!.GetValue<string>(), call["endedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expiry_RunByTwoInstancesAtOnce_MovesEachCallOnce()
    {
        using var first = new ManualTimekeepingFactory();
        var alice = await first.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var callIds = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            callIds.Add(await alice.StartCallAsync(roomId));
        }
        using var second = new ManualTimekeepingFactory(first);
        await second.LoginAdminAsync();
        first.Time.Advance(TimeSpan.FromHours(25));
        second.Time.Advance(TimeSpan.FromHours(25));

        var moved = await Task.WhenAll(
            first.GetService<CallTimekeeper>().ExpireAsync(CancellationToken.None),
            second.GetService<CallTimekeeper>().ExpireAsync(CancellationToken.None));

        Assert.Equal(callIds.Count, moved.Sum());
        foreach (var callId in callIds)
        {
            Assert.Equal(2, (await alice.CallInfoAsync(callId)).Status());
        }
    }
}
