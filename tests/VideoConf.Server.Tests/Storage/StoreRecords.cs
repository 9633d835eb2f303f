using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Storage;

/// <summary>
/// Records for the store contract cases, each with new ids and names. Times are whole milliseconds, as the stores keep
/// them. Lists are compared element by element (<see cref="AssertSame(UserRecord, UserRecord?)"/> and its overloads),
/// since a record's own equality compares lists by reference.
/// </summary>
internal static class StoreRecords
{
    public static readonly DateTime Now = new(2026, 1, 27, 7, 45, 14, 533, DateTimeKind.Utc);

    private static readonly string[] NoStrings = [];
    private static readonly CallUser[] NoUsers = [];

    public static UserRecord User(string prefix = "user", params string[] roles)
    {
        var username = UniqueName.For(prefix);
        return new UserRecord(Ids.NewId(), username, $"Name of {username}", TestAccounts.EmailOf(username), EmailVerified: false,
            PasswordHash: "$2a$04$storedhashstoredhashstoredhashstoredhashstoredhashsto", roles.Length == 0 ? ["user"] : roles,
            Active: true, Status: "offline", AvatarETag: null, Now, Now);
    }

    /// <summary>A channel (<c>c</c>) or group (<c>p</c>) owned by <paramref name="owner"/>, counting its owner as its one user.</summary>
    public static RoomRecord NamedRoom(UserRecord owner, string type = "c", string? name = null)
    {
        name ??= UniqueName.For("room");
        return new RoomRecord(Ids.NewId(), type, name, name, owner.Id, owner.Username, Msgs: 0, UsersCount: 1, ReadOnly: false,
            Uids: null, Usernames: null, Now, Now);
    }

    public static RoomRecord Direct(params UserRecord[] users) =>
        new(Ids.NewId(), "d", Name: null, FName: null, OwnerId: users[0].Id, OwnerUsername: users[0].Username, Msgs: 0,
            UsersCount: users.Length, ReadOnly: false, users.Select(u => u.Id).ToList(), users.Select(u => u.Username).ToList(), Now, Now);

    public static SubscriptionRecord Subscription(RoomRecord room, UserRecord user, params string[] roles) =>
        new(Ids.NewId(), room.Id, user.Id, user.Username, room.Type, room.Name, room.FName, roles, Open: true, Alert: false, Now, Now);

    public static MessageRecord Message(RoomRecord room, UserRecord author, string? type = null, string? blocksJson = null) =>
        new(Ids.NewId(), room.Id, type, $"message {Guid.NewGuid():N}", author.Id, author.Username, author.Name, blocksJson, Now, Now);

    /// <summary>A started conference in <paramref name="room"/>, created <paramref name="createdAt"/> (default <see cref="Now"/>).</summary>
    public static CallRecord Call(RoomRecord room, UserRecord creator, DateTime? createdAt = null)
    {
        var created = createdAt ?? Now;
        var id = Ids.NewObjectId(created);
        return new CallRecord(id, CallType.Conference, room.Id, Seq: 0, Users: [], StartedMessageId: Ids.NewId(), CallStatus.Started,
            AnonymousUsers: 0, Title: room.FName ?? "a call", created, new CallActor(creator.Id, creator.Name, creator.Username), ProviderName: "jitsi",
            Ringing: null, Url: $"https://meet.jit.si/RocketChat{id}", EndedAt: null, EndedBy: null, UpdatedAt: created, CalleeId: null,
            RingingUntil: null, ProviderData: null);
    }

    /// <summary>A direct call from <paramref name="caller"/> ringing <paramref name="callee"/> until <paramref name="until"/>.</summary>
    public static CallRecord Ringing(RoomRecord room, UserRecord caller, UserRecord callee, DateTime until) => Call(room, caller) with
    {
        Type = CallType.Direct,
        Status = CallStatus.Calling,
        Title = null,
        Ringing = true,
        CalleeId = callee.Id,
        RingingUntil = until,
        ProviderData = """{"meeting":"private"}""",
    };

    /// <summary>The <c>videoconf</c> message a call's start writes with it.</summary>
    public static MessageRecord StartMessage(CallRecord call) =>
        new(call.StartedMessageId, call.RoomId, "videoconf", string.Empty, call.CreatedBy.Id, call.CreatedBy.Username, call.CreatedBy.Name,
            $$"""[{"type":"video_conf","callId":"{{call.Id}}"}]""", call.CreatedAt, call.CreatedAt);

    public static CallUser Joined(UserRecord user, DateTime at) => new(user.Id, user.Username, user.Name, AvatarETag: null, at);

    public static void AssertSame(UserRecord expected, UserRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Roles, actual.Roles);
        Assert.Equal(expected with { Roles = NoStrings }, actual with { Roles = NoStrings });
    }

    public static void AssertSame(RoomRecord expected, RoomRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Uids, actual.Uids);
        Assert.Equal(expected.Usernames, actual.Usernames);
        Assert.Equal(expected with { Uids = null, Usernames = null }, actual with { Uids = null, Usernames = null });
    }

    public static void AssertSame(SubscriptionRecord expected, SubscriptionRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Roles, actual.Roles);
        Assert.Equal(expected with { Roles = NoStrings }, actual with { Roles = NoStrings });
    }

    public static void AssertSame(CallRecord expected, CallRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Users, actual.Users);
        Assert.Equal(expected with { Users = NoUsers }, actual with { Users = NoUsers });
    }
}
