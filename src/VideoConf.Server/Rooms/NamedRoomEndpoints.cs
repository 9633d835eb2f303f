using System.Text.RegularExpressions;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

/// <summary><c>channels.*</c> and <c>groups.*</c>: create, invite, kick, and join for public channels.</summary>
internal static partial class NamedRoomEndpoints
{
    private static readonly ObjectSchema CreateSchema = new(
        SchemaProperty.String("name", required: true),
        SchemaProperty.ArrayOf("members", SchemaType.String),
        SchemaProperty.Boolean("readOnly"));

    private static readonly ObjectSchema MemberSchema = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("userId", required: true));

    private static readonly ObjectSchema JoinSchema = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("joinCode"));

    public static IEndpointRouteBuilder MapNamedRoomEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(RoomDocs.Tag);
        foreach (var kind in new[] { RoomKind.Channel, RoomKind.Group })
        {
            var noun = kind.IsPrivate ? "private group" : "public channel";
            var room = RoomDocs.Envelope(kind.ResponseKey, RoomDocs.Room());
            var notFound = ApiErrorDoc.Coded(kind.RoomNotFoundReason, RoomKind.RoomNotFoundCode);
            group.MapApiPost($"{kind.RoutePrefix}.create", (ApiParams p, Caller c, RoomMembership m, HttpContext h) => Create(kind, p, c, m, h), CreateSchema)
                .WithSummary($"Create a {noun}")
                .WithDescription($"The creator becomes its owner; members are usernames. Needs {kind.CreatePermission}.")
                .Responds(room)
                .Fails(
                    ApiErrorDoc.Coded("A channel with name 'standup' exists", "error-duplicate-channel-name"),
                    ApiErrorDoc.Coded("standup! is not a valid room name", "error-invalid-room-name"),
                    ApiErrorDoc.Forbidden);
            group.MapApiPost($"{kind.RoutePrefix}.invite", (ApiParams p, Caller c, IRoomStore r, RoomMembership m, HttpContext h) => Invite(kind, p, c, r, m, h), MemberSchema)
                .WithSummary($"Add a user to a {noun}")
                .WithDescription("The caller must be a member holding add-user-to-joined-room; inviting a member again changes nothing.")
                .Responds(room)
                .Fails(notFound, ApiErrorDoc.Coded("Invalid user", "error-invalid-user"), ApiErrorDoc.Forbidden);
            group.MapApiPost($"{kind.RoutePrefix}.kick", (ApiParams p, Caller c, IRoomStore r, TimeProvider t, HttpContext h) => Kick(kind, p, c, r, t, h), MemberSchema)
                .WithSummary($"Remove a user from a {noun}")
                .WithDescription("The caller must hold remove-user in the room.")
                .Responds(kind.IsPrivate ? DocSchema.Object() : room)
                .Fails(notFound, ApiErrorDoc.Coded("User is not in this room", "error-user-not-in-room"), ApiErrorDoc.Forbidden);
        }
        group.MapApiPost("channels.join", Join, JoinSchema)
            .WithSummary("Join a public channel")
            .Responds(RoomDocs.Envelope(RoomKind.Channel.ResponseKey, RoomDocs.Room()))
            .Fails(ApiErrorDoc.Coded(RoomKind.Channel.RoomNotFoundReason, RoomKind.RoomNotFoundCode), ApiErrorDoc.Forbidden);
        return routes;
    }

    private static async Task<IResult> Create(RoomKind kind, ApiParams p, Caller caller, RoomMembership membership, HttpContext context)
    {
        var user = caller.Required;
        if (!Permissions.Has(user, kind.CreatePermission))
        {
            return ApiResults.Forbidden;
        }
        var name = p.String("name")!;
        if (!TextLimits.Fits(name, TextLimits.RoomNameMax) || !ValidRoomName().IsMatch(name))
        {
            return ApiResults.DomainError($"{name} is not a valid room name", "error-invalid-room-name");
        }
        // A member name longer than any username names nobody, like any unknown member; it is not looked up.
        var members = (p.Strings("members") ?? []).Where(m => m.Length <= TextLimits.UsernameMax).ToList();
        var room = await membership.CreateNamedRoomAsync(kind, name, user, members, p.Bool("readOnly") ?? false, context.RequestAborted);
        return room is null
            ? ApiResults.DomainError($"A channel with name '{name}' exists", "error-duplicate-channel-name")
            : RoomResponse(kind, room);
    }

    private static async Task<IResult> Invite(RoomKind kind, ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (room, subscription, notFound) = await FindAsync(kind, p.String("roomId")!, caller.Required, rooms, cancellationToken);
        if (room is null)
        {
            return notFound!;
        }
        if (subscription is null || !Permissions.Has(caller.Required, Permissions.AddUserToJoinedRoom, subscription))
        {
            return ApiResults.Forbidden;
        }
        var invited = await membership.AddMemberAsync(room, p.String("userId")!, cancellationToken);
        if (!invited)
        {
            return ApiResults.DomainError("Invalid user", "error-invalid-user");
        }
        return RoomResponse(kind, (await rooms.FindByIdAsync(room.Id, cancellationToken))!);
    }

    private static async Task<IResult> Kick(RoomKind kind, ApiParams p, Caller caller, IRoomStore rooms, TimeProvider time, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (room, subscription, notFound) = await FindAsync(kind, p.String("roomId")!, caller.Required, rooms, cancellationToken);
        if (room is null)
        {
            return notFound!;
        }
        if (!Permissions.Has(caller.Required, Permissions.RemoveUser, subscription))
        {
            return ApiResults.Forbidden;
        }
        if (!await rooms.RemoveSubscriptionAsync(room.Id, p.String("userId")!, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return ApiResults.DomainError("User is not in this room", "error-user-not-in-room");
        }
        // Rocket.Chat answers groups.kick with a bare success and channels.kick with the channel.
        return kind.IsPrivate ? ApiResults.Empty : RoomResponse(kind, (await rooms.FindByIdAsync(room.Id, cancellationToken))!);
    }

    private static async Task<IResult> Join(ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var user = caller.Required;
        var (room, _, notFound) = await FindAsync(RoomKind.Channel, p.String("roomId")!, user, rooms, cancellationToken);
        if (room is null)
        {
            return notFound!;
        }
        if (!Permissions.Has(user, Permissions.ViewChannel))
        {
            return ApiResults.Forbidden;
        }
        await membership.AddMemberAsync(room, user.Id, cancellationToken);
        return RoomResponse(RoomKind.Channel, (await rooms.FindByIdAsync(room.Id, cancellationToken))!);
    }

    /// <summary>The room of this kind with the caller's subscription; groups the caller is not in count as unknown.</summary>
    private static async Task<(RoomRecord? Room, SubscriptionRecord? Subscription, IResult? NotFound)> FindAsync(
        RoomKind kind, string roomId, UserRecord user, IRoomStore rooms, CancellationToken cancellationToken)
    {
        var room = roomId.Length == 0 ? null : await rooms.FindByIdAsync(roomId, cancellationToken);
        if (room is null || room.Type != kind.Type)
        {
            return (null, null, kind.RoomNotFound);
        }
        var subscription = await rooms.FindSubscriptionAsync(room.Id, user.Id, cancellationToken);
        if (kind.IsPrivate && subscription is null)
        {
            return (null, null, kind.RoomNotFound);
        }
        return (room, subscription, null);
    }

    private static IResult RoomResponse(RoomKind kind, RoomRecord room) =>
        kind.IsPrivate ? ApiResults.Ok(new GroupEnvelope(RoomDto.From(room))) : ApiResults.Ok(new ChannelEnvelope(RoomDto.From(room)));

    private sealed record ChannelEnvelope(RoomDto Channel);

    private sealed record GroupEnvelope(RoomDto Group);

    [GeneratedRegex(@"^[0-9a-zA-Z._-]+\z")]
    private static partial Regex ValidRoomName();
}
