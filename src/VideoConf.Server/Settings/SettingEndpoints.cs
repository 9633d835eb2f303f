using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Settings;

/// <summary><c>settings.public</c> and <c>settings/&lt;id&gt;</c> (read and change one setting).</summary>
internal static class SettingEndpoints
{
    private static readonly ObjectSchema PublicSchema = new(
        SchemaProperty.String("_id"),
        Paging.OffsetProperty,
        Paging.CountProperty);

    private static readonly ObjectSchema ChangeSchema = new(
        new SchemaProperty("value", SchemaType.String | SchemaType.Number | SchemaType.Boolean | SchemaType.Object | SchemaType.Array, Required: true, Nullable: true));

    private static readonly Failure NotFound = Failure.Plain("error-setting-not-found");

    public static IEndpointRouteBuilder MapSettingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Settings");
        var setting = DocSchema.Object(("_id", DocSchema.String()), ("value", DocSchema.AnyValue()));
        group.MapApiGet("settings.public", ListPublic, PublicSchema, AuthMode.Optional)
            .WithSummary("List public settings")
            .Describes("_id", "Comma-separated setting ids to return; every public setting when absent.", "API_Default_Count,VideoConf_Enabled_Providers")
            .Responds(DocSchema.Object(
                ("settings", DocSchema.ArrayOf(setting)),
                ("count", DocSchema.Integer()),
                ("offset", DocSchema.Integer()),
                ("total", DocSchema.Integer())));
        group.MapApiGet("settings/{id}", Get)
            .WithSummary("Get a setting")
            .WithDescription("Needs view-privileged-setting; secret settings read as \"********\".")
            .Responds(setting)
            .Fails(NotFound, Failure.Forbidden);
        group.MapApiPost("settings/{id}", Change, ChangeSchema)
            .WithSummary("Change a setting")
            .WithDescription("Needs edit-privileged-setting; the value must have the setting's type.")
            .Responds(DocSchema.Object())
            .Fails(NotFound, Failure.Forbidden);
        return routes;
    }

    private static IResult ListPublic(ApiParams p, SettingsService settings)
    {
        var wanted = p.String("_id") is { Length: > 0 } ids
            ? ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        var matches = SettingsRegistry.All.Where(d => d.Public && (wanted is null || wanted.Contains(d.Id))).ToList();
        var paging = Paging.From(p, settings);
        var page = matches.Skip(paging.Offset).Take(paging.Limit ?? int.MaxValue)
            .Select(d => new SettingDto(d.Id, settings.ToApiValue(d)))
            .ToList();
        return ApiResults.Ok(new PublicSettingsResponse(page, page.Count, paging.Offset, matches.Count));
    }

    private static IResult Get(string id, Caller caller, SettingsService settings)
    {
        if (!Permissions.Has(caller.Required, Permissions.ViewPrivilegedSetting))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        return SettingsRegistry.ById.TryGetValue(id, out var definition)
            ? ApiResults.Ok(new SettingDto(definition.Id, settings.ToApiValue(definition)))
            : ApiResults.Error(NotFound);
    }

    private static async Task<IResult> Change(string id, ApiParams p, Caller caller, SettingsService settings, CancellationToken cancellationToken)
    {
        if (!Permissions.Has(caller.Required, Permissions.EditPrivilegedSetting))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        var (outcome, error) = await settings.SetAsync(id, p.Raw("value"), cancellationToken);
        return outcome switch
        {
            SettingChange.NotFound => ApiResults.Error(NotFound),
            SettingChange.Invalid => ApiResults.Error(Failure.Validation(error!)),
            _ => ApiResults.Empty,
        };
    }

    private sealed record SettingDto([property: JsonPropertyName("_id")] string Id, JsonNode Value);

    private sealed record PublicSettingsResponse(IReadOnlyList<SettingDto> Settings, int Count, int Offset, int Total);
}
