using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
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

    private static readonly IResult RoomNotAllowed = ApiResults.Raw(
        StatusCodes.Status400BadRequest, """{"success":false,"error":"not-allowed","errorType":"Not Allowed"}"""u8.ToArray());

    private static readonly IResult MessageNotAllowed = ApiResults.Failure("error-not-allowed");

    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(RoomDocs.Tag);
        group.MapApiPost("im.create", CreateDirect, DirectSchema)
            .WithSummary("Create a direct message room")
            .WithDescription("The room of the caller and the named user (username), or of several users (usernames, comma-separated); the same set of users always gets the same room.")
            .Responds(RoomDocs.Envelope("room", RoomDocs.Room()))
            .Fails(ApiErrorDoc.Coded("Invalid user", "error-invalid-user"), ApiErrorDoc.Forbidden);
        group.MapApiGet("rooms.info", Info, InfoSchema)
            .WithSummary("Get a room's information")
            .Responds(RoomDocs.Envelope("room", RoomDocs.Room()))
            .Fails(new ApiErrorDoc(StatusCodes.Status400BadRequest, "not-allowed", new() { ["success"] = false, ["error"] = "not-allowed", ["errorType"] = "Not Allowed" }));
        group.MapApiGet("subscriptions.getOne", GetSubscription, SubscriptionSchema)
            .WithSummary("Get the caller's subscription to a room")
            .WithDescription("subscription is null when the caller is not a member.")
            .Responds(RoomDocs.Envelope("subscription", DocSchema.Nullable(RoomDocs.Subscription())));
        group.MapApiGet("chat.getMessage", GetMessage, MessageSchema)
            .WithSummary("Get a message")
            .Responds(RoomDocs.Envelope("message", RoomDocs.Message()))
            .Fails(ApiErrorDoc.Bare("error-not-allowed"));
        return routes;
    }

    private static async Task<IResult> CreateDirect(ApiParams p, Caller caller, IUserStore users, RoomMembership membership, HttpContext context)
    {
        var user = caller.Required;
        if (!Permissions.Has(user, Permissions.CreateDirect))
        {
            return ApiResults.Forbidden;
        }
        var names = (p.String("username") is { } single ? [single] : p.String("usernames")!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // A name longer than any username cannot match one, so it is refused without a lookup.
        if (names.Count == 0 || names.Any(n => n.Length > TextLimits.UsernameMax))
        {
            return ApiResults.DomainError("Invalid user", "error-invalid-user");
        }
        var found = await users.FindByUsernamesAsync(names, context.RequestAborted);
        if (found.Count != names.Count)
        {
            return ApiResults.DomainError("Invalid user", "error-invalid-user");
        }
        var excludeSelf = p.Bool("excludeSelf") == true && p.String("usernames") is not null;
        var members = excludeSelf ? found : [user, .. found];
        var room = await membership.GetOrCreateDirectAsync(user, members, context.RequestAborted);
        return ApiResults.Ok(new DirectEnvelope(RoomDto.From(room)));
    }

    private static async Task<IResult> Info(ApiParams p, Caller caller, IRoomStore rooms, RoomAccess access, HttpContext context)
    {
        var room = p.String("roomId") is { } id
            ? (id.Length == 0 ? null : await rooms.FindByIdAsync(id, context.RequestAborted))
            : await rooms.FindByNameAsync(p.String("roomName")!, context.RequestAborted);
        var accessible = room is null ? null : await access.CheckAsync(room, caller.Required, context.RequestAborted);
        return accessible is null ? RoomNotAllowed : ApiResults.Ok(new RoomEnvelope(RoomDto.From(accessible.Room)));
    }

    private static async Task<IResult> GetSubscription(ApiParams p, Caller caller, IRoomStore rooms, HttpContext context)
    {
        var subscription = await rooms.FindSubscriptionAsync(p.String("roomId")!, caller.Required.Id, context.RequestAborted);
        return ApiResults.Ok(new SubscriptionEnvelope(subscription is null ? null : SubscriptionDto.From(subscription)));
    }

    private static async Task<IResult> GetMessage(ApiParams p, Caller caller, IMessageStore messages, RoomAccess access, HttpContext context)
    {
        var message = await messages.FindByIdAsync(p.String("msgId")!, context.RequestAborted);
        if (message is null || !await access.CanAccessAsync(message.RoomId, caller.Required, context.RequestAborted))
        {
            return MessageNotAllowed;
        }
        return ApiResults.Ok(new MessageEnvelope(MessageDto.From(message)));
    }

    private sealed record DirectEnvelope(RoomDto Room);

    private sealed record RoomEnvelope(RoomDto Room);

    private sealed record SubscriptionEnvelope(SubscriptionDto? Subscription);

    private sealed record MessageEnvelope(MessageDto Message);
}
