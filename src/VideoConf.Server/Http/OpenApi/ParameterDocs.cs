using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>
/// Turns an endpoint's validation schema (<see cref="ObjectSchema"/>) into the document's parameters: query
/// parameters for GET, a JSON request body for POST, and the credential headers its auth mode calls for.
/// </summary>
internal static class ParameterDocs
{
    public const string UserIdHeader = SessionAuthenticator.UserIdHeader;
    public const string TokenHeader = SessionAuthenticator.TokenHeader;
    public const string OffsetParameter = "offset";
    public const string CountParameter = "count";

    private const SchemaType AnyType = SchemaType.String | SchemaType.Number | SchemaType.Boolean | SchemaType.Object | SchemaType.Array;

    public static IEnumerable<IOpenApiParameter> Headers(AuthMode auth, OpenApiDocument document)
    {
        if (auth == AuthMode.Required)
        {
            yield return new OpenApiParameterReference(UserIdHeader, document);
            yield return new OpenApiParameterReference(TokenHeader, document);
            yield break;
        }
        var anonymous = auth == AuthMode.Optional ? "anonymous callers are served too" : "anonymous callers are served while Accounts_AllowAnonymousRead is on";
        foreach (var name in new[] { UserIdHeader, TokenHeader })
        {
            yield return new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = false,
                Schema = DocSchema.String(),
                Description = $"The {(name == UserIdHeader ? "user ID" : "authentication token")}; {anonymous}.",
            };
        }
    }

    public static IEnumerable<IOpenApiParameter> Query(ObjectSchema schema, IReadOnlyDictionary<string, ApiParameterDoc> docs, OpenApiDocument document)
    {
        foreach (var property in schema.Properties)
        {
            if (ReferenceEquals(property, Paging.OffsetProperty) || ReferenceEquals(property, Paging.CountProperty))
            {
                yield return new OpenApiParameterReference(property.Name, document);
                continue;
            }
            var doc = docs.GetValueOrDefault(property.Name);
            yield return new OpenApiParameter
            {
                Name = property.Name,
                In = ParameterLocation.Query,
                Required = property.Required,
                Schema = PropertySchema(property),
                Example = doc?.Example is { } example ? JsonValue.Create(example) : null,
                Description = doc?.Description ?? AnyOfDescription(schema, property.Name),
            };
        }
    }

    public static OpenApiRequestBody Body(ObjectSchema schema, IReadOnlyDictionary<string, ApiParameterDoc> docs) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new() { Schema = ObjectSchemaOf(schema, docs) },
        },
    };

    /// <summary>The first message validation gives for an empty request, or null when an empty request is valid.</summary>
    public static string? FirstValidationMessage(ObjectSchema schema) =>
        schema.Properties.FirstOrDefault(p => p.Required)?.Name is { } required ? $"must have required property '{required}'"
        : schema.AnyOfRequired is [var first, ..] ? $"must have required property '{first}'"
        : null;

    private static OpenApiSchema ObjectSchemaOf(ObjectSchema schema, IReadOnlyDictionary<string, ApiParameterDoc> docs)
    {
        var result = DocSchema.Object([.. schema.Properties.Select(p => (p.Required ? p.Name : p.Name + "?", (IOpenApiSchema)Described(PropertySchema(p), docs.GetValueOrDefault(p.Name))))]);
        result.AdditionalPropertiesAllowed = schema.AllowAdditional;
        if (schema.AnyOfRequired is { Count: > 0 } alternatives)
        {
            result.AnyOf = [.. alternatives.Select(name => (IOpenApiSchema)new OpenApiSchema { Required = new SortedSet<string>(StringComparer.Ordinal) { name } })];
        }
        return result;
    }

    private static OpenApiSchema Described(OpenApiSchema schema, ApiParameterDoc? doc)
    {
        if (doc is not null)
        {
            schema.Description = doc.Description;
        }
        return schema;
    }

    private static OpenApiSchema PropertySchema(SchemaProperty property)
    {
        var schema = property.Type == AnyType ? DocSchema.AnyValue()
            : SingleTypes(property.Type).ToList() is [var single] ? TypeSchema(single, property)
            : new OpenApiSchema { OneOf = [.. SingleTypes(property.Type).Select(t => (IOpenApiSchema)TypeSchema(t, property))] };
        if (property.Enum is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)v)];
        }
        if (property.Nullable && schema.Type is not null)
        {
            schema.Type |= JsonSchemaType.Null;
        }
        return schema;
    }

    private static IEnumerable<SchemaType> SingleTypes(SchemaType types) =>
        Enum.GetValues<SchemaType>().Where(t => t != SchemaType.None && types.HasFlag(t));

    private static OpenApiSchema TypeSchema(SchemaType type, SchemaProperty property) => type switch
    {
        SchemaType.String => DocSchema.String(),
        SchemaType.Number => new OpenApiSchema { Type = JsonSchemaType.Number },
        SchemaType.Integer => DocSchema.Integer(),
        SchemaType.Boolean => DocSchema.Boolean(),
        SchemaType.Object when property.Properties is { } nested => ObjectSchemaOf(nested, new Dictionary<string, ApiParameterDoc>()),
        SchemaType.Object => new OpenApiSchema { Type = JsonSchemaType.Object },
        SchemaType.Array => DocSchema.ArrayOf(property.Items == SchemaType.None ? DocSchema.AnyValue() : TypeSchema(property.Items, property with { Properties = null })),
        _ => DocSchema.AnyValue(),
    };

    private static string? AnyOfDescription(ObjectSchema schema, string name) =>
        schema.AnyOfRequired is { } alternatives && alternatives.Contains(name)
            ? $"One of {string.Join(", ", alternatives)} is required."
            : null;
}
