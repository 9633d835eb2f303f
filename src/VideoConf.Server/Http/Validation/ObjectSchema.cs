namespace VideoConf.Server.Http.Validation;

/// <summary>
/// A declarative JSON schema for an object: properties in schema order, which of them are required, and
/// <c>additionalProperties: false</c> unless <see cref="AllowAdditional"/> says otherwise.
/// </summary>
internal sealed class ObjectSchema
{
    public ObjectSchema(params SchemaProperty[] properties)
    {
        Properties = properties;
        ByName = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SchemaProperty> Properties { get; }

    public IReadOnlyDictionary<string, SchemaProperty> ByName { get; }

    public bool AllowAdditional { get; init; }

    /// <summary>
    /// Alternatives of which at least one must be present (Rocket.Chat's <c>anyOf: [{required: [a]}, {required: [b]}]</c>);
    /// when none is, the first is reported as missing.
    /// </summary>
    public IReadOnlyList<string>? AnyOfRequired { get; init; }

    public static readonly ObjectSchema None = new();
}
