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

    [Theory, OnSqlite, OnPostgres]
    public async Task List_GivesThePageOfOneTypeInCreationOrder_WithTheTotalOfAllPages(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var owner = await stores.AddUserAsync("owner");
        var channels = new List<RoomRecord>();
        for (var i = 0; i < 5; i++)
        {
            // Created in reverse name order, so an order by name would differ from the order of creation.
            var channel = NamedRoom(owner, "c", $"room-{9 - i}-{Guid.NewGuid():N}") with { Ts = Now.AddSeconds(i) };
            await stores.Rooms.CreateAsync(channel, [Subscription(channel, owner, "owner")]);
            channels.Add(channel);
        }
        var group = NamedRoom(owner, "p");
        await stores.Rooms.CreateAsync(group, [Subscription(group, owner, "owner")]);

        var page = await stores.Rooms.ListAsync("c", memberId: null, offset: 1, limit: 2);
        var rest = await stores.Rooms.ListAsync("c", memberId: null, offset: 3, limit: null);

        Assert.Equal(5, page.Total);
        Assert.Equal([channels[1].Id, channels[2].Id], page.Rooms.Select(r => r.Id));
        AssertSame(channels[1], page.Rooms[0]);
        Assert.Equal(5, rest.Total);
        Assert.Equal([channels[3].Id, channels[4].Id], rest.Rooms.Select(r => r.Id));
        Assert.Equal([group.Id], (await stores.Rooms.ListAsync("p", null, 0, null)).Rooms.Select(r => r.Id));
        Assert.Empty((await stores.Rooms.ListAsync("c", null, 10, 5)).Rooms);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task List_ForAMember_GivesOnlyTheRoomsTheyAreSubscribedTo_AndNotThoseTheyLeft(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var owner = await stores.AddUserAsync("owner");
        var member = await stores.AddUserAsync("member");
        var joined = NamedRoom(owner, "p");
        var left = NamedRoom(owner, "p") with { Ts = Now.AddSeconds(1) };
        var other = NamedRoom(owner, "p") with { Ts = Now.AddSeconds(2) };
        await stores.Rooms.CreateAsync(joined, [Subscription(joined, owner, "owner"), Subscription(joined, member)]);
        await stores.Rooms.CreateAsync(left, [Subscription(left, owner, "owner"), Subscription(left, member)]);
        await stores.Rooms.CreateAsync(other, [Subscription(other, owner, "owner")]);
        var direct = Direct(member, owner);
        await stores.Rooms.GetOrCreateDirectAsync(direct, [Subscription(direct, member), Subscription(direct, owner)]);

        Assert.True(await stores.Rooms.RemoveSubscriptionAsync(left.Id, member.Id, Now.AddSeconds(5)));

        var groups = await stores.Rooms.ListAsync("p", member.Id, 0, null);
        Assert.Equal(1, groups.Total);
        AssertSame(joined, Assert.Single(groups.Rooms));
        Assert.Equal(3, (await stores.Rooms.ListAsync("p", owner.Id, 0, null)).Total);
        AssertSame(direct, Assert.Single((await stores.Rooms.ListAsync("d", member.Id, 0, 10)).Rooms));
        Assert.Equal(0, (await stores.Rooms.ListAsync("c", member.Id, 0, null)).Total);
    }
}
