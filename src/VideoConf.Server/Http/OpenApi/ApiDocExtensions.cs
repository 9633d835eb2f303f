using Microsoft.OpenApi;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>Declares what the OpenAPI document says about an endpoint beyond its name, summary and parameter schema.</summary>
internal static class ApiDocExtensions
{
    public static TBuilder Responds<TBuilder>(this TBuilder builder, OpenApiSchema body)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiSuccessDoc(body));

    public static TBuilder Fails<TBuilder>(this TBuilder builder, params ApiErrorDoc[] errors)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata([.. errors]);

    public static TBuilder Describes<TBuilder>(this TBuilder builder, string parameter, string description, string? example = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiParameterDoc(parameter, description, example));
}
