using VideoConf.Server.Events;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

/// <summary>
/// Creates rooms and subscribes and unsubscribes users, keeping subscriptions and room counters consistent, and
/// announces a membership that ended (<see cref="RoomAccessRemoved"/>).
/// </summary>
internal sealed class RoomMembership(IRoomStore rooms, IUserStore users, EventHub events, TimeProvider time)
{
    /// <summary>Creates a channel or group (<paramref name="type"/>) owned by its creator; null when the name is taken.</summary>
    public async Task<RoomRecord?> CreateNamedRoomAsync(string type, string name, UserRecord creator, IReadOnlyList<string> memberUsernames,
        bool readOnly, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var members = (await users.FindByUsernamesAsync(memberUsernames.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken))
            .Where(u => u.Id != creator.Id)
            .ToList();
        var room = new RoomRecord(Ids.NewId(), type, name, name, creator.Id, creator.Username, 0, members.Count + 1, readOnly, null, null, now, now);
        var subscriptions = new List<SubscriptionRecord> { NewSubscription(room, creator, ["owner"], now) };
        subscriptions.AddRange(members.Select(m => NewSubscription(room, m, [], now)));
        return await rooms.CreateAsync(room, subscriptions, cancellationToken) == CreateRoomOutcome.Created ? room : null;
    }

    /// <summary>Subscribes the user (a no-op when already a member); false when the user does not exist.</summary>
    public async Task<bool> AddMemberAsync(RoomRecord room, string userId, CancellationToken cancellationToken)
    {
        var user = userId.Length == 0 ? null : await users.FindByIdAsync(userId, cancellationToken);
        if (user is null)
        {
            return false;
        }
        await rooms.AddSubscriptionAsync(NewSubscription(room, user, [], time.GetUtcNow().UtcDateTime), cancellationToken);
        return true;
    }

    /// <summary>Unsubscribes the user and announces it; false when they were not a member.</summary>
    public async Task<bool> RemoveMemberAsync(RoomRecord room, string userId, CancellationToken cancellationToken)
    {
        if (!await rooms.RemoveSubscriptionAsync(room.Id, userId, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return false;
        }
        events.Publish(new RoomAccessRemoved(room.Id, userId));
        return true;
    }

    /// <summary>
    /// The direct room of exactly these users (sorted by username), created on first use. Its <c>u</c> is the user
    /// who created it: Rocket.Chat's published <c>IRoom</c> schema requires <c>u</c> on every room.
    /// </summary>
    public async Task<RoomRecord> GetOrCreateDirectAsync(UserRecord creator, IReadOnlyList<UserRecord> members, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ordered = members.DistinctBy(m => m.Id).OrderBy(m => m.Username, StringComparer.Ordinal).ToList();
        var room = new RoomRecord(Ids.NewId(), RoomTypes.Direct, null, null, creator.Id, creator.Username, 0, ordered.Count, false,
            ordered.Select(m => m.Id).ToList(), ordered.Select(m => m.Username).ToList(), now, now);
        var subscriptions = ordered.Select(member =>
        {
            var others = ordered.Where(o => o.Id != member.Id).ToList();
            var shown = others.Count == 0 ? [member] : others;
            return NewSubscription(room, member, [], now) with
            {
                Name = string.Join(", ", shown.Select(o => o.Username)),
                FName = string.Join(", ", shown.Select(o => o.Name)),
            };
        }).ToList();
        return await rooms.GetOrCreateDirectAsync(room, subscriptions, cancellationToken);
    }

    private static SubscriptionRecord NewSubscription(RoomRecord room, UserRecord user, IReadOnlyList<string> roles, DateTime now) =>
        new(Ids.NewId(), room.Id, user.Id, user.Username, room.Type, room.Name, room.FName, roles, Open: true, Alert: false, now, now);
}
