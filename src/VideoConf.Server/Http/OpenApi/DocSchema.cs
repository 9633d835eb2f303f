using Microsoft.OpenApi;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>
/// Short constructors for the JSON schemas of response bodies in the OpenAPI document. Each call returns a new
/// schema, so documents never share mutable parts.
/// </summary>
internal static class DocSchema
{
    public static OpenApiSchema String() => new() { Type = JsonSchemaType.String };

    public static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date-time" };

    public static OpenApiSchema Integer() => new() { Type = JsonSchemaType.Integer };

    public static OpenApiSchema Boolean() => new() { Type = JsonSchemaType.Boolean };

    public static OpenApiSchema AnyValue() => new();

    public static OpenApiSchema Enum(params string[] values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)] };

    public static OpenApiSchema IntegerEnum(params int[] values) =>
        new() { Type = JsonSchemaType.Integer, Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)] };

    public static OpenApiSchema ArrayOf(IOpenApiSchema items) => new() { Type = JsonSchemaType.Array, Items = items };

    public static OpenApiSchema Nullable(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }

    public static OpenApiSchema Described(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }

    /// <summary>An object with these properties in this order; a name ending in <c>?</c> is optional.</summary>
    public static OpenApiSchema Object(params (string Name, IOpenApiSchema Schema)[] properties)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new SortedSet<string>(StringComparer.Ordinal),
        };
        foreach (var (name, property) in properties)
        {
            var optional = name.EndsWith('?');
            var key = optional ? name[..^1] : name;
            schema.Properties[key] = property;
            if (!optional)
            {
                schema.Required.Add(key);
            }
        }
        return schema;
    }

    /// <summary>The same object with <c>success: true</c> appended, as <see cref="ApiResults.Ok{T}"/> writes it.</summary>
    public static OpenApiSchema WithSuccess(OpenApiSchema body)
    {
        var properties = (body.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => (p.Key + (body.Required?.Contains(p.Key) == true ? "" : "?"), p.Value));
        var schema = Object([.. properties, ("success", new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [true] })]);
        schema.Description = body.Description;
        return schema;
    }
}
