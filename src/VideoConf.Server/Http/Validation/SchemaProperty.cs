namespace VideoConf.Server.Http.Validation;

/// <summary>One property of an endpoint's parameter schema.</summary>
internal sealed record SchemaProperty(
    string Name,
    SchemaType Type,
    bool Required = false,
    bool Nullable = false,
    ObjectSchema? Properties = null,
    SchemaType Items = SchemaType.None,
    IReadOnlyList<string>? Enum = null)
{
    public static SchemaProperty String(string name, bool required = false, bool nullable = false) =>
        new(name, SchemaType.String, required, nullable);

    public static SchemaProperty Number(string name, bool required = false, bool nullable = false) =>
        new(name, SchemaType.Number, required, nullable);

    public static SchemaProperty Boolean(string name, bool required = false, bool nullable = false) =>
        new(name, SchemaType.Boolean, required, nullable);

    public static SchemaProperty Object(string name, ObjectSchema properties, bool required = false, bool nullable = false) =>
        new(name, SchemaType.Object, required, nullable, properties);

    public static SchemaProperty ArrayOf(string name, SchemaType items, bool required = false) =>
        new(name, SchemaType.Array, required, Items: items);

    /// <summary>Accepts any JSON value of the given types without coercing it (for example a password or its digest).</summary>
    public static SchemaProperty OneOfTypes(string name, SchemaType types, bool required = false) =>
        new(name, types, required);
}
