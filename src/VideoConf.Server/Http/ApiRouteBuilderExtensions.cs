using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Http;

/// <summary>Declares API routes: the path under <c>/api/v1</c>, the handler, the schema and the auth mode in one place.</summary>
internal static class ApiRouteBuilderExtensions
{
    /// <summary>
    /// A GET route under <c>/api/v1</c>, also answering HEAD as GET without the body (the web server drops it).
    /// Conventions added to the returned builder apply to both; HEAD is left out of the API description.
    /// </summary>
    public static RouteHandlerBuilder MapApiGet(this IEndpointRouteBuilder routes, string route, Delegate handler,
        ObjectSchema? schema = null, AuthMode auth = AuthMode.Required) =>
        routes.MapApiGetAt($"/api/v1/{route}", route, handler, schema, auth);

    /// <summary><see cref="MapApiGet"/> for a route outside <c>/api/v1</c> (<c>/api/info</c>).</summary>
    public static RouteHandlerBuilder MapApiGetAt(this IEndpointRouteBuilder routes, string path, string route, Delegate handler,
        ObjectSchema? schema = null, AuthMode auth = AuthMode.Required)
    {
        var endpoint = new ApiEndpoint(route, auth, schema ?? ObjectSchema.None);
        var get = routes.MapMethods(path, [HttpMethods.Get], handler)
            .WithName($"GET {route}")
            .WithMetadata(endpoint);
        var head = routes.MapMethods(path, [HttpMethods.Head], handler)
            .WithName($"HEAD {route}")
            .WithMetadata(endpoint)
            .ExcludeFromDescription();
        return new RouteHandlerBuilder([get, head]);
    }

    public static RouteHandlerBuilder MapApiPost(this IEndpointRouteBuilder routes, string route, Delegate handler,
        ObjectSchema? schema = null, AuthMode auth = AuthMode.Required) =>
        routes.MapMethods($"/api/v1/{route}", [HttpMethods.Post], handler)
            .WithName($"POST {route}")
            .WithMetadata(new ApiEndpoint(route, auth, schema ?? ObjectSchema.None));
}
