using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Storage.StoreRecords;

namespace VideoConf.Server.Tests.Storage;

/// <summary>What a store contract case needs stored before the call under test: users, and rooms (a message needs its room).</summary>
internal static class StoreSetup
{
    public static async Task<UserRecord> AddUserAsync(this TestStores stores, string prefix = "user", params string[] roles)
    {
        var user = User(prefix, roles);
        Assert.Equal(CreateUserOutcome.Created, await stores.Users.CreateAsync(user));
        return user;
    }

    /// <summary>A channel of a new user, who is subscribed to it as its owner.</summary>
    public static async Task<(UserRecord Owner, RoomRecord Room)> AddChannelAsync(this TestStores stores)
    {
        var owner = await stores.AddUserAsync("owner");
        var room = NamedRoom(owner);
        Assert.Equal(CreateRoomOutcome.Created, await stores.Rooms.CreateAsync(room, [Subscription(room, owner, "owner")]));
        return (owner, room);
    }
}
