using VideoConf.Server.Accounts;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

/// <summary>A room the caller may see, with the caller's subscription to it when they are a member.</summary>
internal sealed record AccessibleRoom(RoomRecord Room, SubscriptionRecord? Subscription);

/// <summary>
/// The contract's room access rule, in one place: the room exists and either it is a public channel the caller may
/// view, or the caller is subscribed to it. Admins get no automatic access. Anonymous callers see public channels
/// only when <c>Accounts_AllowAnonymousRead</c> is on.
/// </summary>
internal sealed class RoomAccess(IRoomStore rooms, SettingsService settings)
{
    /// <summary>The room and subscription, or null when the room is unknown or not accessible (the two look the same).</summary>
    public async Task<AccessibleRoom?> CheckAsync(string roomId, UserRecord? user, CancellationToken cancellationToken = default)
    {
        if (roomId.Length == 0)
        {
            return null;
        }
        var room = await rooms.FindByIdAsync(roomId, cancellationToken);
        return room is null ? null : await CheckAsync(room, user, cancellationToken);
    }

    /// <summary>
    /// The same rule when only the answer is needed (list, info, join, cancel): it reads the room's type and the
    /// caller's membership, which the store can answer without reading the whole room.
    /// </summary>
    public async Task<bool> CanAccessAsync(string roomId, UserRecord? user, CancellationToken cancellationToken = default)
    {
        var type = roomId.Length == 0 ? null : await rooms.FindTypeAsync(roomId, cancellationToken);
        if (type is null)
        {
            return false;
        }
        if (user is null)
        {
            return type == RoomTypes.Channel && settings.GetBool(SettingIds.AccountsAllowAnonymousRead);
        }
        return (type == RoomTypes.Channel && Permissions.Has(user, Permissions.ViewChannel))
            || await rooms.FindSubscriptionAsync(roomId, user.Id, cancellationToken) is not null;
    }

    public async Task<AccessibleRoom?> CheckAsync(RoomRecord room, UserRecord? user, CancellationToken cancellationToken = default)
    {
        if (user is null)
        {
            return room.Type == RoomTypes.Channel && settings.GetBool(SettingIds.AccountsAllowAnonymousRead) ? new AccessibleRoom(room, null) : null;
        }
        var subscription = await rooms.FindSubscriptionAsync(room.Id, user.Id, cancellationToken);
        if (subscription is not null || (room.Type == RoomTypes.Channel && Permissions.Has(user, Permissions.ViewChannel)))
        {
            return new AccessibleRoom(room, subscription);
        }
        return null;
    }
}
