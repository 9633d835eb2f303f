using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

/// <summary><c>im.create</c>, <c>rooms.info</c>, <c>subscriptions.getOne</c> and <c>chat.getMessage</c>.</summary>
internal static class RoomEndpoints
{
    private static readonly ObjectSchema DirectSchema = new(
        SchemaProperty.String("username"),
        SchemaProperty.String("usernames"),
        SchemaProperty.Boolean("excludeSelf"))
    {
        AnyOfRequired = ["username", "usernames"],
    };

    private static readonly ObjectSchema InfoSchema = new(
        SchemaProperty.String("roomId"),
        SchemaProperty.String("roomName"))
    {
        AnyOfRequired = ["roomId", "roomName"],
    };

    private static readonly ObjectSchema SubscriptionSchema = new(SchemaProperty.String("roomId", required: true));

    private static readonly ObjectSchema MessageSchema = new(SchemaProperty.String("msgId", required: true));

    /// <summary>rooms.info's refusal, a shape of its own: <c>errorType</c> is words, not the code.</summary>
    private static readonly byte[] RoomNotAllowedBody = """{"success":false,"error":"not-allowed","errorType":"Not Allowed"}"""u8.ToArray();

    private static readonly IResult RoomNotAllowed = ApiResults.Raw(StatusCodes.Status400BadRequest, RoomNotAllowedBody);

    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(RoomDocs.Tag);
        group.MapApiPost("im.create", CreateDirect, DirectSchema)
            .WithSummary("Create a direct message room")
            .WithDescription("The room of the caller and the named user (username), or of several users (usernames, comma-separated); the same set of users always gets the same room.")
            .Responds(RoomDocs.Envelope("room", RoomDocs.Room()))
            .Fails(RoomFailures.InvalidUser, Failure.Forbidden);
        group.MapApiGet("rooms.info", Info, InfoSchema)
            .WithSummary("Get a room's information")
            .Responds(RoomDocs.Envelope("room", RoomDocs.Room()))
            .Fails(ApiErrorDoc.FromBody(StatusCodes.Status400BadRequest, "not-allowed", RoomNotAllowedBody));
        group.MapApiGet("subscriptions.getOne", GetSubscription, SubscriptionSchema)
            .WithSummary("Get the caller's subscription to a room")
            .WithDescription("subscription is null when the caller is not a member.")
            .Responds(RoomDocs.Envelope("subscription", DocSchema.Nullable(RoomDocs.Subscription())));
        group.MapApiGet("chat.getMessage", GetMessage, MessageSchema)
            .WithSummary("Get a message")
            .Responds(RoomDocs.Envelope("message", RoomDocs.Message()))
            .Fails(RoomFailures.MessageNotAllowed);
        return routes;
    }

    private static async Task<IResult> CreateDirect(ApiParams p, Caller caller, IUserStore users, RoomMembership membership, CancellationToken cancellationToken)
    {
        var user = caller.Required;
        if (!Permissions.Has(user, Permissions.CreateDirect))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        var names = (p.String("username") is { } single ? [single] : p.String("usernames")!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // A name longer than any username cannot match one, so it is refused without a lookup.
        if (names.Count == 0 || names.Any(n => n.Length > TextLimits.UsernameMax))
        {
            return ApiResults.Error(RoomFailures.InvalidUser);
        }
        var found = await users.FindByUsernamesAsync(names, cancellationToken);
        if (found.Count != names.Count)
        {
            return ApiResults.Error(RoomFailures.InvalidUser);
        }
        var excludeSelf = p.Bool("excludeSelf") == true && p.String("usernames") is not null;
        var members = excludeSelf ? found : [user, .. found];
        var room = await membership.GetOrCreateDirectAsync(user, members, cancellationToken);
        return ApiResults.Ok(new DirectEnvelope(RoomDto.From(room)));
    }

    private static async Task<IResult> Info(ApiParams p, Caller caller, IRoomStore rooms, RoomAccess access, CancellationToken cancellationToken)
    {
        var room = p.String("roomId") is { } id
            ? (id.Length == 0 ? null : await rooms.FindByIdAsync(id, cancellationToken))
            : await rooms.FindByNameAsync(p.String("roomName")!, cancellationToken);
        var accessible = room is null ? null : await access.CheckAsync(room, caller.Required, cancellationToken);
        return accessible is null ? RoomNotAllowed : ApiResults.Ok(new RoomEnvelope(RoomDto.From(accessible.Room)));
    }

    private static async Task<IResult> GetSubscription(ApiParams p, Caller caller, IRoomStore rooms, CancellationToken cancellationToken)
    {
        var subscription = await rooms.FindSubscriptionAsync(p.String("roomId")!, caller.Required.Id, cancellationToken);
        return ApiResults.Ok(new SubscriptionEnvelope(subscription is null ? null : SubscriptionDto.From(subscription)));
    }

    private static async Task<IResult> GetMessage(ApiParams p, Caller caller, IMessageStore messages, RoomAccess access, CancellationToken cancellationToken)
    {
        var message = await messages.FindByIdAsync(p.String("msgId")!, cancellationToken);
        if (message is null || !await access.CanAccessAsync(message.RoomId, caller.Required, cancellationToken))
        {
            return ApiResults.Error(RoomFailures.MessageNotAllowed);
        }
        return ApiResults.Ok(new MessageEnvelope(MessageDto.From(message)));
    }

    private sealed record DirectEnvelope(RoomDto Room);

    private sealed record RoomEnvelope(RoomDto Room);

    private sealed record SubscriptionEnvelope(SubscriptionDto? Subscription);

    private sealed record MessageEnvelope(MessageDto Message);
}
