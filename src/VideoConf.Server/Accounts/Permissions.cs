using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>
/// The permission table: which roles grant which permission. Global roles come from the user; the room roles
/// <c>owner</c> and <c>moderator</c> come from the user's subscription when a check is scoped to a room.
/// </summary>
internal static class Permissions
{
    public const string BypassRateLimit = "api-bypass-rate-limit";
    public const string CreateUser = "create-user";
    public const string EditPrivilegedSetting = "edit-privileged-setting";
    public const string ViewPrivilegedSetting = "view-privileged-setting";
    public const string ViewFullOtherUserInfo = "view-full-other-user-info";
    public const string CreateChannel = "create-c";
    public const string CreateGroup = "create-p";
    public const string CreateDirect = "create-d";
    public const string ViewChannel = "view-c-room";
    public const string ViewRoomAdministration = "view-room-administration";
    public const string AddUserToJoinedRoom = "add-user-to-joined-room";
    public const string RemoveUser = "remove-user";
    public const string CallManagement = "call-management";
    public const string RingUsers = "videoconf-ring-users";

    public static readonly IReadOnlySet<string> GlobalRoles = new HashSet<string>(StringComparer.Ordinal) { "admin", "user", "bot", "guest" };

    private static readonly Dictionary<string, string[]> RolesByPermission = new(StringComparer.Ordinal)
    {
        [BypassRateLimit] = ["admin", "bot"],
        [CreateUser] = ["admin"],
        [EditPrivilegedSetting] = ["admin"],
        [ViewPrivilegedSetting] = ["admin"],
        [ViewFullOtherUserInfo] = ["admin"],
        [CreateChannel] = ["admin", "user", "bot"],
        [CreateGroup] = ["admin", "user", "bot"],
        [CreateDirect] = ["admin", "user", "bot"],
        [ViewChannel] = ["admin", "user", "bot"],
        [ViewRoomAdministration] = ["admin"],
        [AddUserToJoinedRoom] = ["admin", "owner", "moderator"],
        [RemoveUser] = ["admin", "owner", "moderator"],
        [CallManagement] = ["admin", "owner", "moderator", "user", "bot"],
        [RingUsers] = ["admin", "owner", "moderator", "user"],
    };

    /// <summary>True when one of the user's roles, or of their roles in the room, grants the permission.</summary>
    public static bool Has(UserRecord? user, string permission, SubscriptionRecord? roomSubscription = null)
    {
        if (user is null || !RolesByPermission.TryGetValue(permission, out var roles))
        {
            return false;
        }
        return AnyGrants(user.Roles, roles) || (roomSubscription is not null && AnyGrants(roomSubscription.Roles, roles));
    }

    private static bool AnyGrants(IReadOnlyList<string> held, string[] granting)
    {
        for (var i = 0; i < held.Count; i++)
        {
            if (Array.IndexOf(granting, held[i]) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
