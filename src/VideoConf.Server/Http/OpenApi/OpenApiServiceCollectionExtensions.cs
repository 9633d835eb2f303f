using Microsoft.OpenApi;
using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>The OpenAPI document of the whole API, generated from the routes' metadata and served at <c>/api/openapi.json</c>.</summary>
internal static class OpenApiServiceCollectionExtensions
{
    public const string DocumentPath = "/api/openapi.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The user's seed document is OpenAPI 3.0; so is ours, so the two read alike.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => description.ActionDescriptor.EndpointMetadata.OfType<ApiEndpoint>().Any();
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
        });

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder routes)
    {
        // Under /api every route needs ApiEndpoint metadata (others get the JSON 404); anyone may read the document.
        routes.MapOpenApi(DocumentPath)
            .WithMetadata(new ApiEndpoint("openapi.json", AuthMode.Optional, ObjectSchema.None));
        return routes;
    }
}
