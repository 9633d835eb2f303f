using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Http;

/// <summary>Declares API routes: the path under <c>/api/v1</c>, the handler, the schema and the auth mode in one place.</summary>
internal static class ApiRouteBuilderExtensions
{
    public static RouteHandlerBuilder MapApiGet(this IEndpointRouteBuilder routes, string route, Delegate handler,
        ObjectSchema? schema = null, AuthMode auth = AuthMode.Required) =>
        routes.MapMethods($"/api/v1/{route}", [HttpMethods.Get], handler)
            .WithName($"GET {route}")
            .WithMetadata(new ApiEndpoint(route, auth, schema ?? ObjectSchema.None));

    public static RouteHandlerBuilder MapApiPost(this IEndpointRouteBuilder routes, string route, Delegate handler,
        ObjectSchema? schema = null, AuthMode auth = AuthMode.Required) =>
        routes.MapMethods($"/api/v1/{route}", [HttpMethods.Post], handler)
            .WithName($"POST {route}")
            .WithMetadata(new ApiEndpoint(route, auth, schema ?? ObjectSchema.None));
}
