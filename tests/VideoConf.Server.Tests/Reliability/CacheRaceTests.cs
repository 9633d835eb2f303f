using System.Net;
using VideoConf.Server.Tests.Accounts;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R7: access and tokens never outlive the change that removed them, even when requests that read them from the
/// store are in flight while the change is made (they must not put the old value back into a cache).
/// </summary>
public sealed class CacheRaceTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    private const int KickTrials = 200;
    private const int LogoutTrials = 300;

    [Fact]
    public async Task Kick_WhileTheMemberSendsSixtyParallelRequests_TakesAwayAccessInEveryTrial()
    {
        var owner = await factory.NewUserAsync("owner");
        var kept = new List<int>();
        for (var trial = 0; trial < KickTrials; trial++)
        {
            var member = await factory.NewUserAsync("member");
            var roomId = Id(await owner.CreateRoomAsync("groups", UniqueName.For("room"), member.Username!));
            var list = $"video-conference.list?roomId={Uri.EscapeDataString(roomId)}";

            // Sixty workers keep requesting until the kick has answered, so reads of the subscription are in
            // flight on both sides of the removal.
            using var kicked = new CancellationTokenSource();
            var requests = Enumerable.Range(0, 60).Select(_ => Task.Run(async () =>
            {
                while (!kicked.IsCancellationRequested)
                {
                    await member.GetAsync(list);
                }
            })).ToList();
            await Task.Delay(trial % 5);
            (await owner.PostAsync("groups.kick", new { roomId, userId = member.UserId })).AssertOk();
            await kicked.CancelAsync();
            await Task.WhenAll(requests);

            var subscription = await SubscriptionAsync(member, roomId);
            var info = await InfoAsync(member, roomId);
            if (subscription.Text != """{"subscription":null,"success":true}""" || info.Status != HttpStatusCode.BadRequest)
            {
                kept.Add(trial);
            }
        }

        Assert.True(kept.Count == 0, $"access outlived the kick in trials {string.Join(", ", kept)} of {KickTrials}");
    }

    [Fact]
    public async Task Logout_WhileTwentyParallelRequestsUseTheToken_EndsTheTokenInEveryTrial()
    {
        var username = UniqueName.For("racer");
        await factory.CreateUserAsync(username);
        var kept = new List<int>();
        for (var trial = 0; trial < LogoutTrials; trial++)
        {
            var session = await factory.LoginAsync(username);

            var requests = Enumerable.Range(0, 20).Select(_ => Task.Run(() => session.GetAsync("me"))).ToList();
            (await session.PostAsync("logout")).AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);
            await Task.WhenAll(requests);

            var after = await session.GetAsync("me");
            if (after.Status != HttpStatusCode.Unauthorized)
            {
                kept.Add(trial);
            }
        }

        Assert.True(kept.Count == 0, $"the token outlived logout in trials {string.Join(", ", kept)} of {LogoutTrials}");
    }
}
