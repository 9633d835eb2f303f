using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Parallel joins and cancels of one call stay exact (quality bar R3, at a smaller scale).</summary>
public sealed class ConcurrencyTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Join_ByManyUsersInParallel_RecordsEachExactlyOnce()
    {
        var alice = await factory.NewUserAsync("alice");
        var users = new List<ApiClient>();
        for (var i = 0; i < 30; i++)
        {
            users.Add(await factory.NewUserAsync("joiner"));
        }
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync([.. users]));

        // Every user joins twice, all at once.
        var responses = await Task.WhenAll(users.Concat(users).Select(u => u.JoinCallAsync(callId)));

        Assert.All(responses, r => r.AssertOk());
        var joined = (await alice.CallInfoAsync(callId))["users"]!.AsArray().Select(u => u!["_id"]!.GetValue<string>()).ToList();
        Assert.Equal(users.Select(u => u.UserId).Order(), joined.Order());
    }

    [Fact]
    public async Task Cancel_ManyTimesInParallel_SucceedsExactlyOnce()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? alice : bob).CancelCallAsync(callId)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => r.AssertFailure("invalid-call-status"));
        Assert.Equal(4, (await alice.CallInfoAsync(callId)).Status());
    }
}
