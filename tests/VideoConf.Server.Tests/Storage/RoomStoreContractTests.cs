using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Storage.StoreRecords;

namespace VideoConf.Server.Tests.Storage;

/// <summary>The <see cref="IRoomStore"/> contract (rooms and subscriptions), the same cases on every backend.</summary>
[Trait("Category", "Contract")]
public sealed class RoomStoreContractTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Create_ThenFind_ByIdTypeAndNameInAnyCase_ReturnsTheRoomAndItsSubscriptions(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var owner = await stores.AddUserAsync();
        var room = NamedRoom(owner, "p", UniqueName.For("Team"));
        var subscription = Subscription(room, owner, "owner");

        Assert.Equal(CreateRoomOutcome.Created, await stores.Rooms.CreateAsync(room, [subscription]));

        AssertSame(room, await stores.Rooms.FindByIdAsync(room.Id));
        Assert.Equal("p", await stores.Rooms.FindTypeAsync(room.Id));
        AssertSame(room, await stores.Rooms.FindByNameAsync(room.Name!.ToLowerInvariant()));
        AssertSame(subscription, await stores.Rooms.FindSubscriptionAsync(room.Id, owner.Id));
        Assert.Null(await stores.Rooms.FindByIdAsync(Ids.NewId()));
        Assert.Null(await stores.Rooms.FindTypeAsync(Ids.NewId()));
        Assert.Null(await stores.Rooms.FindByNameAsync("no-such-room"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Create_WithANameTakenByAChannelOrGroupInAnyCase_IsDuplicateName_AndStoresNothing(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var owner = await stores.AddUserAsync();
        var channel = NamedRoom(owner, "c");
        await stores.Rooms.CreateAsync(channel, [Subscription(channel, owner, "owner")]);
        var group = NamedRoom(owner, "p", channel.Name!.ToUpperInvariant());

        Assert.Equal(CreateRoomOutcome.DuplicateName, await stores.Rooms.CreateAsync(group, [Subscription(group, owner, "owner")]));

        Assert.Null(await stores.Rooms.FindByIdAsync(group.Id));
        Assert.Null(await stores.Rooms.FindSubscriptionAsync(group.Id, owner.Id));
        AssertSame(channel, await stores.Rooms.FindByNameAsync(channel.Name));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Direct_IsCreatedOncePerSetOfUsers_WhoeverAsksAndInWhateverOrder(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var alice = await stores.AddUserAsync();
        var bob = await stores.AddUserAsync();
        var first = Direct(alice, bob);

        var created = await stores.Rooms.GetOrCreateDirectAsync(first, [Subscription(first, alice), Subscription(first, bob)]);
        var fromBob = Direct(bob, alice);
        var again = await stores.Rooms.GetOrCreateDirectAsync(fromBob, [Subscription(fromBob, bob), Subscription(fromBob, alice)]);

        AssertSame(first, created);
        AssertSame(first, again);
        Assert.Null(await stores.Rooms.FindByIdAsync(fromBob.Id));
        Assert.Equal(first.Id, (await stores.Rooms.FindSubscriptionAsync(first.Id, bob.Id))!.RoomId);
        Assert.Null(await stores.Rooms.FindSubscriptionAsync(fromBob.Id, bob.Id));
        Assert.Equal("d", await stores.Rooms.FindTypeAsync(first.Id));
        Assert.Null(await stores.Rooms.FindByNameAsync(alice.Username));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Direct_AskedForInParallel_IsOneRoom(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var alice = await stores.AddUserAsync();
        var bob = await stores.AddUserAsync();

        var rooms = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var room = i % 2 == 0 ? Direct(alice, bob) : Direct(bob, alice);
            return stores.Rooms.GetOrCreateDirectAsync(room, [Subscription(room, alice), Subscription(room, bob)]);
        })));

        var id = Assert.Single(rooms.Select(r => r.Id).Distinct());
        Assert.Equal(2, (await stores.Rooms.FindByIdAsync(id))!.UsersCount);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Subscriptions_AreAddedAndRemovedOnce_AndCountedInTheRoom(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var owner = await stores.AddUserAsync();
        var member = await stores.AddUserAsync();
        var room = NamedRoom(owner);
        await stores.Rooms.CreateAsync(room, [Subscription(room, owner, "owner")]);
        var joined = Subscription(room, member) with { UpdatedAt = Now.AddSeconds(5) };

        Assert.True(await stores.Rooms.AddSubscriptionAsync(joined));
        Assert.False(await stores.Rooms.AddSubscriptionAsync(Subscription(room, member)));

        AssertSame(joined, await stores.Rooms.FindSubscriptionAsync(room.Id, member.Id));
        AssertSame(room with { UsersCount = 2, UpdatedAt = joined.UpdatedAt }, await stores.Rooms.FindByIdAsync(room.Id));

        var left = Now.AddSeconds(9);
        Assert.True(await stores.Rooms.RemoveSubscriptionAsync(room.Id, member.Id, left));
        Assert.False(await stores.Rooms.RemoveSubscriptionAsync(room.Id, member.Id, left.AddSeconds(1)));

        Assert.Null(await stores.Rooms.FindSubscriptionAsync(room.Id, member.Id));
        AssertSame(room with { UpdatedAt = left }, await stores.Rooms.FindByIdAsync(room.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Subscriptions_AddedInParallel_AreCountedExactly(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var members = new List<UserRecord>();
        for (var i = 0; i < 10; i++)
        {
            members.Add(await stores.AddUserAsync());
        }

        // Every member twice at once: each is counted once.
        var added = await Task.WhenAll(members.Concat(members).Select(m => Task.Run(() => stores.Rooms.AddSubscriptionAsync(Subscription(room, m)))));

        Assert.Equal(10, added.Count(a => a));
        Assert.Equal(11, (await stores.Rooms.FindByIdAsync(room.Id))!.UsersCount);
    }
}
