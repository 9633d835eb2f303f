namespace VideoConf.Server.Storage;

/// <summary>Outcome of inserting a user, decided by the store's unique constraints.</summary>
public enum CreateUserOutcome
{
    Created,
    UsernameTaken,
    EmailTaken,
}

/// <summary>Users and their login tokens.</summary>
public interface IUserStore
{
    Task<UserRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Usernames compare case-insensitively.</summary>
    Task<UserRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserRecord>> FindByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken = default);

    Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken = default);

    Task<CreateUserOutcome> CreateAsync(UserRecord user, CancellationToken cancellationToken = default);

    Task SetStatusAsync(string userId, string status, DateTime updatedAt, CancellationToken cancellationToken = default);

    Task AddTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default);

    /// <summary>Adds a named personal access token; false when the user already has one with that name.</summary>
    Task<bool> AddPersonalTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default);

    /// <summary>The user owning this hashed token, if any.</summary>
    Task<UserRecord?> FindByTokenAsync(string hashedToken, CancellationToken cancellationToken = default);

    Task<bool> RemoveTokenAsync(string userId, string hashedToken, CancellationToken cancellationToken = default);
}

/// <summary>Outcome of creating a named room.</summary>
public enum CreateRoomOutcome
{
    Created,
    DuplicateName,
}

/// <summary>Rooms and subscriptions (membership).</summary>
public interface IRoomStore
{
    Task<RoomRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The room's type (<c>c</c>, <c>p</c>, <c>d</c>), or null when there is no such room. A room's type never changes.</summary>
    Task<string?> FindTypeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The channel or group with this name (names compare case-insensitively).</summary>
    Task<RoomRecord?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a channel or group with its initial subscriptions; names are unique across <c>c</c> and <c>p</c>.</summary>
    Task<CreateRoomOutcome> CreateAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default);

    /// <summary>Returns the direct room of exactly this set of users, creating it (with subscriptions) if needed.</summary>
    Task<RoomRecord> GetOrCreateDirectAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default);

    Task<SubscriptionRecord?> FindSubscriptionAsync(string roomId, string userId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the room's members (its subscriptions' users), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<string>> FindMemberIdsAsync(string roomId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the rooms of <paramref name="type"/> in creation order (then by id), with the number of all of them;
    /// with <paramref name="memberId"/>, only the rooms that user is subscribed to. A null <paramref name="limit"/> means every room from the offset on.
    /// </summary>
    Task<RoomPage> ListAsync(string type, string? memberId, int offset, int? limit, CancellationToken cancellationToken = default);

    /// <summary>Subscribes a user and counts them in the room; false when already subscribed.</summary>
    Task<bool> AddSubscriptionAsync(SubscriptionRecord subscription, CancellationToken cancellationToken = default);

    /// <summary>Unsubscribes a user and uncounts them; false when they were not subscribed.</summary>
    Task<bool> RemoveSubscriptionAsync(string roomId, string userId, DateTime updatedAt, CancellationToken cancellationToken = default);
}

/// <summary>Chat messages.</summary>
public interface IMessageStore
{
    Task<MessageRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores the message and counts it in its room's <c>msgs</c>, atomically.</summary>
    Task InsertAsync(MessageRecord message, CancellationToken cancellationToken = default);
}

/// <summary>Values of settings changed at run time, as JSON text per setting id.</summary>
public interface ISettingStore
{
    Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(string id, string valueJson, DateTime updatedAt, CancellationToken cancellationToken = default);
}

/// <summary>ASP.NET Data Protection key ring elements kept in the store.</summary>
public interface IDataProtectionKeyStore
{
    IReadOnlyList<string> GetAllXml();

    void Store(string friendlyName, string xml);
}

/// <summary>Reachability of the store, for the readiness probe.</summary>
public interface IStoreHealth
{
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates or upgrades the store's schema at start-up.</summary>
public interface IStoreMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
