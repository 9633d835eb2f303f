using Microsoft.OpenApi;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

/// <summary>
/// <c>channels.list</c>, <c>channels.list.joined</c>, <c>groups.list</c>, <c>groups.listAll</c> and <c>im.list</c>:
/// pages of rooms of one type, in the order they were created. Only <c>offset</c> and <c>count</c> are accepted;
/// Rocket.Chat's <c>query</c>, <c>sort</c> and <c>fields</c> are refused as unknown parameters (400 invalid-params).
/// </summary>
internal static class RoomListEndpoints
{
    private static readonly ObjectSchema ListSchema = new(Paging.OffsetProperty, Paging.CountProperty);

    /// <summary>Which rooms one list route shows: all rooms of the type, or only the caller's; and who may ask.</summary>
    private sealed record RoomList(string Route, string Key, string RoomType, bool OnlyJoined, string? Permission, string Summary);

    private static readonly RoomList[] Lists =
    [
        new("channels.list", "channels", RoomTypes.Channel, OnlyJoined: false, Permissions.ViewChannel, "List every public channel"),
        new("channels.list.joined", "channels", RoomTypes.Channel, OnlyJoined: true, null, "List the public channels the caller is in"),
        new("groups.list", "groups", RoomTypes.Group, OnlyJoined: true, null, "List the private groups the caller is in"),
        new("groups.listAll", "groups", RoomTypes.Group, OnlyJoined: false, Permissions.ViewRoomAdministration, "List every private group"),
        new("im.list", "ims", RoomTypes.Direct, OnlyJoined: true, null, "List the caller's direct message rooms"),
    ];

    public static IEndpointRouteBuilder MapRoomListEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(RoomDocs.Tag);
        foreach (var list in Lists)
        {
            var route = group.MapApiGet(list.Route,
                    (ApiParams p, Caller caller, IRoomStore rooms, SettingsService settings, CancellationToken cancellationToken) =>
                        ListAsync(list, p, caller, rooms, settings, cancellationToken), ListSchema)
                .WithSummary(list.Summary)
                .WithDescription(list.Permission is null ? "Rooms in the order they were created." : $"Rooms in the order they were created. Needs {list.Permission}.")
                .Responds(PageDoc(list.Key));
            if (list.Permission is not null)
            {
                route.Fails(Failure.Forbidden);
            }
        }
        return routes;
    }

    private static async Task<IResult> ListAsync(RoomList list, ApiParams p, Caller caller, IRoomStore rooms, SettingsService settings, CancellationToken cancellationToken)
    {
        var user = caller.Required;
        if (list.Permission is not null && !Permissions.Has(user, list.Permission))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        var paging = Paging.From(p, settings);
        var page = await rooms.ListAsync(list.RoomType, list.OnlyJoined ? user.Id : null, paging.Offset, paging.Limit, cancellationToken);
        var items = page.Rooms.Select(RoomDto.From).ToList();
        return list.Key switch
        {
            "channels" => ApiResults.Ok(new ChannelsPage(items, items.Count, paging.Offset, page.Total)),
            "groups" => ApiResults.Ok(new GroupsPage(items, items.Count, paging.Offset, page.Total)),
            _ => ApiResults.Ok(new ImsPage(items, items.Count, paging.Offset, page.Total)),
        };
    }

    private static OpenApiSchema PageDoc(string key) => DocSchema.Object(
        (key, DocSchema.ArrayOf(RoomDocs.Room())),
        ("count", DocSchema.Integer()),
        ("offset", DocSchema.Integer()),
        ("total", DocSchema.Integer()));

    private sealed record ChannelsPage(IReadOnlyList<RoomDto> Channels, int Count, int Offset, long Total);

    private sealed record GroupsPage(IReadOnlyList<RoomDto> Groups, int Count, int Offset, long Total);

    private sealed record ImsPage(IReadOnlyList<RoomDto> Ims, int Count, int Offset, long Total);
}
