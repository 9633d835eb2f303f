using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>im.create</c> (contract §3).</summary>
public sealed class DirectRoomTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task ImCreate_WithUsername_ReturnsADirectRoomOfBothUsers()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var response = await alice.PostAsync("im.create", new { username = bob.Username });

        response.AssertOk();
        var room = response.Json["room"]!;
        var id = Id(room);
        Assert.Matches(WireFormat.RandomId(), id);
        Assert.Equal(id, room["rid"]!.GetValue<string>());
        Assert.Equal("d", room["t"]!.GetValue<string>());
        Assert.Equal(Sorted(alice.UserId!, bob.UserId!), Sorted(room["uids"]!));
        Assert.Equal(Sorted(alice.Username!, bob.Username!), Sorted(room["usernames"]!));
        Assert.Equal(["room", "success"], response.Json.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task ImCreate_NamesTheCreatorAsTheRoomsUser()
    {
        // Rocket.Chat's published IRoom schema requires u on every room, direct ones included.
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var response = await alice.PostAsync("im.create", new { username = bob.Username });

        response.AssertOk();
        var u = response.Json["room"]!["u"]!;
        Assert.Equal(alice.UserId, u["_id"]!.GetValue<string>());
        Assert.Equal(alice.Username, u["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImCreate_WithUsername_SubscribesBothUsers()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var room = await alice.CreateDirectRoomAsync(bob.Username!);

        foreach (var member in new[] { alice, bob })
        {
            var subscription = await SubscriptionAsync(member, Id(room));
            subscription.AssertOk();
            Assert.Equal(member.UserId, subscription.Json["subscription"]!["u"]!["_id"]!.GetValue<string>());
            Assert.Equal("d", subscription.Json["subscription"]!["t"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ImCreate_WithUsernames_ReturnsARoomOfTheCallerAndEveryNamedUser()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var carol = await factory.NewUserAsync("carol");

        var response = await alice.PostAsync("im.create", new { usernames = $"{bob.Username},{carol.Username}" });

        response.AssertOk();
        var room = response.Json["room"]!;
        Assert.Equal(Id(room), room["rid"]!.GetValue<string>());
        Assert.Equal("d", room["t"]!.GetValue<string>());
        Assert.Equal(Sorted(alice.UserId!, bob.UserId!, carol.UserId!), Sorted(room["uids"]!));
        Assert.Equal(Sorted(alice.Username!, bob.Username!, carol.Username!), Sorted(room["usernames"]!));
    }

    [Fact]
    public async Task ImCreate_Twice_ReturnsTheSameRoom()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var first = await alice.CreateDirectRoomAsync(bob.Username!);
        var second = await alice.CreateDirectRoomAsync(bob.Username!);

        Assert.Equal(Id(first), Id(second));
        Assert.Equal(2, second["usersCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ImCreate_FromTheOtherSide_ReturnsTheSameRoom()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var first = await alice.CreateDirectRoomAsync(bob.Username!);
        var second = await bob.CreateDirectRoomAsync(alice.Username!);

        Assert.Equal(Id(first), Id(second));
    }

    [Fact]
    public async Task ImCreate_WithTheSameUsersInAnyOrderAndFromAnyMember_ReturnsTheSameRoom()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var carol = await factory.NewUserAsync("carol");

        var first = await alice.PostAsync("im.create", new { usernames = $"{bob.Username},{carol.Username}" });
        var reversed = await alice.PostAsync("im.create", new { usernames = $"{carol.Username},{bob.Username}" });
        var fromCarol = await carol.PostAsync("im.create", new { usernames = $"{alice.Username},{bob.Username}" });

        first.AssertOk();
        var id = Id(first.Json["room"]!);
        Assert.Equal(id, Id(reversed.Json["room"]!));
        Assert.Equal(id, Id(fromCarol.Json["room"]!));
    }

    [Fact]
    public async Task ImCreate_InParallelFromBothSides_CreatesOneRoom()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? alice.PostAsync("im.create", new { username = bob.Username })
            : bob.PostAsync("im.create", new { username = alice.Username })));

        Assert.All(responses, r => r.AssertOk());
        Assert.Single(responses.Select(r => Id(r.Json["room"]!)).Distinct());
        Assert.Equal(2, await UsersCountAsync(alice, Id(responses[0].Json["room"]!)));
    }

    [Fact]
    public async Task ImCreate_WithAnotherSetOfUsers_ReturnsAnotherRoom()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var carol = await factory.NewUserAsync("carol");

        var withBob = await alice.CreateDirectRoomAsync(bob.Username!);
        var withCarol = await alice.CreateDirectRoomAsync(carol.Username!);

        Assert.NotEqual(Id(withBob), Id(withCarol));
    }

    [Fact]
    public async Task ImCreate_WithAnUnknownUsername_Returns400()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("im.create", new { username = UniqueName.For("nobody") });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ImCreate_WithOneUnknownAmongUsernames_Returns400()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var response = await alice.PostAsync("im.create", new { usernames = $"{bob.Username},{UniqueName.For("nobody")}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ImCreate_ByGuest_Returns403()
    {
        var guest = await factory.NewUserAsync("guest", "guest");
        var bob = await factory.NewUserAsync("bob");

        var response = await guest.PostAsync("im.create", new { username = bob.Username });

        response.AssertForbidden();
    }

    [Theory]
    [InlineData("{}", "must have required property 'username'")]
    [InlineData("""{"username":"someone","other":1}""", "must NOT have additional properties")]
    [InlineData("""{"username":{"a":1}}""", "must be string")]
    [InlineData("""{"usernames":["a","b"]}""", "must be string")]
    public async Task ImCreate_WithInvalidParams_ReturnsTheFirstValidationError(string body, string message)
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("im.create", body);

        response.AssertInvalidParams(message);
    }

    private static List<string> Sorted(params string[] values) => values.Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(JsonNode array) => array.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
}
