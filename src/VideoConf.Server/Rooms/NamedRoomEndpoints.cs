using System.Text.RegularExpressions;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

/// <summary><c>channels.*</c> and <c>groups.*</c>: create, info, invite, kick, and join for public channels.</summary>
internal static partial class NamedRoomEndpoints
{
    private static readonly ObjectSchema CreateSchema = new(
        SchemaProperty.String("name", required: true),
        SchemaProperty.ArrayOf("members", SchemaType.String),
        SchemaProperty.Boolean("readOnly"));

    private static readonly ObjectSchema MemberSchema = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("userId", required: true));

    private static readonly ObjectSchema InfoSchema = new(
        SchemaProperty.String("roomId"),
        SchemaProperty.String("roomName"))
    {
        AnyOfRequired = ["roomId", "roomName"],
    };

    private static readonly ObjectSchema JoinSchema = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("joinCode"));

    public static IEndpointRouteBuilder MapNamedRoomEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(RoomDocs.Tag);
        foreach (var family in new[] { RoomRouteFamily.Channels, RoomRouteFamily.Groups })
        {
            MapFamily(group, family);
        }
        group.MapApiPost("channels.join", Join, JoinSchema)
            .WithSummary("Join a public channel")
            .Responds(RoomDocs.Envelope(RoomRouteFamily.Channels.ResponseKey, RoomDocs.Room()))
            .Fails(RoomRouteFamily.Channels.RoomNotFound, Failure.Forbidden);
        return routes;
    }

    /// <summary>
    /// <c>create</c>, <c>info</c>, <c>invite</c> and <c>kick</c> of one family. Each handler gets the family bound by a small
    /// adapter, because minimal APIs bind a handler's parameters from the request and services only.
    /// </summary>
    private static void MapFamily(RouteGroupBuilder group, RoomRouteFamily family)
    {
        var noun = family.IsPrivate ? "private group" : "public channel";
        var room = RoomDocs.Envelope(family.ResponseKey, RoomDocs.Room());
        group.MapApiPost($"{family.RoutePrefix}.create",
                (ApiParams p, Caller caller, RoomMembership membership, CancellationToken cancellationToken) =>
                    Create(family, p, caller, membership, cancellationToken), CreateSchema)
            .WithSummary($"Create a {noun}")
            .WithDescription($"The creator becomes its owner; members are usernames. Needs {family.CreatePermission}.")
            .Responds(room)
            .Fails(RoomFailures.DuplicateName("standup"), RoomFailures.InvalidRoomName("standup!"), Failure.Forbidden);
        group.MapApiGet($"{family.RoutePrefix}.info",
                (ApiParams p, Caller caller, IRoomStore rooms, CancellationToken cancellationToken) =>
                    Info(family, p, caller, rooms, cancellationToken), InfoSchema)
            .WithSummary($"Get a {noun}")
            .WithDescription(family.IsPrivate ? "By roomId or roomName, to a member of the group." : "By roomId or roomName.")
            .Responds(room)
            .Fails(family.RoomNotFound);
        group.MapApiPost($"{family.RoutePrefix}.invite",
                (ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, CancellationToken cancellationToken) =>
                    Invite(family, p, caller, rooms, membership, cancellationToken), MemberSchema)
            .WithSummary($"Add a user to a {noun}")
            .WithDescription("The caller must be a member holding add-user-to-joined-room; inviting a member again changes nothing.")
            .Responds(room)
            .Fails(family.RoomNotFound, RoomFailures.InvalidUser, Failure.Forbidden);
        group.MapApiPost($"{family.RoutePrefix}.kick",
                (ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, CancellationToken cancellationToken) =>
                    Kick(family, p, caller, rooms, membership, cancellationToken), MemberSchema)
            .WithSummary($"Remove a user from a {noun}")
            .WithDescription("The caller must hold remove-user in the room.")
            .Responds(family.IsPrivate ? DocSchema.Object() : room)
            .Fails(family.RoomNotFound, RoomFailures.UserNotInRoom, Failure.Forbidden);
    }

    private static async Task<IResult> Create(RoomRouteFamily family, ApiParams p, Caller caller, RoomMembership membership, CancellationToken cancellationToken)
    {
        var user = caller.Required;
        if (!Permissions.Has(user, family.CreatePermission))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        var name = p.String("name")!;
        if (!TextLimits.Fits(name, TextLimits.RoomNameMax) || !ValidRoomName().IsMatch(name))
        {
            return ApiResults.Error(RoomFailures.InvalidRoomName(name));
        }
        // A member name longer than any username names nobody, like any unknown member; it is not looked up.
        var members = (p.Strings("members") ?? []).Where(m => m.Length <= TextLimits.UsernameMax).ToList();
        var room = await membership.CreateNamedRoomAsync(family.RoomType, name, user, members, p.Bool("readOnly") ?? false, cancellationToken);
        return room is null ? ApiResults.Error(RoomFailures.DuplicateName(name)) : RoomResponse(family, room);
    }

    private static async Task<IResult> Info(RoomRouteFamily family, ApiParams p, Caller caller, IRoomStore rooms, CancellationToken cancellationToken)
    {
        var roomId = p.String("roomId") ?? (await rooms.FindByNameAsync(p.String("roomName")!, cancellationToken))?.Id ?? string.Empty;
        var (room, _) = await FindAsync(family, roomId, caller.Required, rooms, cancellationToken);
        return room is null ? ApiResults.Error(family.RoomNotFound) : RoomResponse(family, room);
    }

    private static async Task<IResult> Invite(RoomRouteFamily family, ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, CancellationToken cancellationToken)
    {
        var (room, subscription) = await FindAsync(family, p.String("roomId")!, caller.Required, rooms, cancellationToken);
        if (room is null)
        {
            return ApiResults.Error(family.RoomNotFound);
        }
        if (subscription is null || !Permissions.Has(caller.Required, Permissions.AddUserToJoinedRoom, subscription))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        if (!await membership.AddMemberAsync(room, p.String("userId")!, cancellationToken))
        {
            return ApiResults.Error(RoomFailures.InvalidUser);
        }
        return RoomResponse(family, (await rooms.FindByIdAsync(room.Id, cancellationToken))!);
    }

    private static async Task<IResult> Kick(RoomRouteFamily family, ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, CancellationToken cancellationToken)
    {
        var (room, subscription) = await FindAsync(family, p.String("roomId")!, caller.Required, rooms, cancellationToken);
        if (room is null)
        {
            return ApiResults.Error(family.RoomNotFound);
        }
        if (!Permissions.Has(caller.Required, Permissions.RemoveUser, subscription))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        if (!await membership.RemoveMemberAsync(room, p.String("userId")!, cancellationToken))
        {
            return ApiResults.Error(RoomFailures.UserNotInRoom);
        }
        // Rocket.Chat answers groups.kick with a bare success and channels.kick with the channel.
        return family.IsPrivate ? ApiResults.Empty : RoomResponse(family, (await rooms.FindByIdAsync(room.Id, cancellationToken))!);
    }

    private static async Task<IResult> Join(ApiParams p, Caller caller, IRoomStore rooms, RoomMembership membership, CancellationToken cancellationToken)
    {
        var user = caller.Required;
        var family = RoomRouteFamily.Channels;
        var (room, _) = await FindAsync(family, p.String("roomId")!, user, rooms, cancellationToken);
        if (room is null)
        {
            return ApiResults.Error(family.RoomNotFound);
        }
        if (!Permissions.Has(user, Permissions.ViewChannel))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        await membership.AddMemberAsync(room, user.Id, cancellationToken);
        return RoomResponse(family, (await rooms.FindByIdAsync(room.Id, cancellationToken))!);
    }

    /// <summary>The room of this family with the caller's subscription; no room when it is unknown, of the other family, or a group the caller is not in.</summary>
    private static async Task<(RoomRecord? Room, SubscriptionRecord? Subscription)> FindAsync(
        RoomRouteFamily family, string roomId, UserRecord user, IRoomStore rooms, CancellationToken cancellationToken)
    {
        var room = roomId.Length == 0 ? null : await rooms.FindByIdAsync(roomId, cancellationToken);
        if (room is null || room.Type != family.RoomType)
        {
            return (null, null);
        }
        var subscription = await rooms.FindSubscriptionAsync(room.Id, user.Id, cancellationToken);
        if (family.IsPrivate && subscription is null)
        {
            return (null, null);
        }
        return (room, subscription);
    }

    private static IResult RoomResponse(RoomRouteFamily family, RoomRecord room) =>
        family.IsPrivate ? ApiResults.Ok(new GroupEnvelope(RoomDto.From(room))) : ApiResults.Ok(new ChannelEnvelope(RoomDto.From(room)));

    private sealed record ChannelEnvelope(RoomDto Channel);

    private sealed record GroupEnvelope(RoomDto Group);

    [GeneratedRegex(@"^[0-9a-zA-Z._-]+\z")]
    private static partial Regex ValidRoomName();
}
