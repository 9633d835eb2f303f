using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Http.Validation;

/// <summary>
/// Validates raw request parameters against an <see cref="ObjectSchema"/> the way Rocket.Chat's AJV validators do
/// (<c>coerceTypes: true</c>, first error only): required properties in schema order, then additional properties,
/// then each property's type in schema order. Coerced values are written back into the object, so binding reads
/// the values the validator accepted.
/// </summary>
internal static class SchemaValidator
{
    /// <summary>Returns null when the input is valid, else the AJV message of the first failure.</summary>
    public static string? Validate(JsonObject input, ObjectSchema schema)
    {
        foreach (var property in schema.Properties)
        {
            if (property.Required && !input.ContainsKey(property.Name))
            {
                return MissingProperty(property.Name);
            }
        }
        if (schema.AnyOfRequired is { Count: > 0 } alternatives && !alternatives.Any(input.ContainsKey))
        {
            return MissingProperty(alternatives[0]);
        }
        if (!schema.AllowAdditional)
        {
            foreach (var (name, _) in input)
            {
                if (!schema.ByName.ContainsKey(name))
                {
                    return "must NOT have additional properties";
                }
            }
        }
        foreach (var property in schema.Properties)
        {
            if (!input.TryGetPropertyValue(property.Name, out var value))
            {
                continue;
            }
            var error = CheckValue(value, property, out var coerced);
            if (error is not null)
            {
                return error;
            }
            if (!ReferenceEquals(coerced, value))
            {
                input[property.Name] = coerced;
            }
        }
        return null;
    }

    private static string MissingProperty(string name) => $"must have required property '{name}'";

    private static string? CheckValue(JsonNode? value, SchemaProperty property, out JsonNode? coerced)
    {
        coerced = value;
        switch (value)
        {
            case null when property.Nullable:
                return null;
            case JsonObject obj when property.Type.HasFlag(SchemaType.Object):
                return property.Properties is null ? null : Validate(obj, property.Properties);
            case JsonArray array when property.Type.HasFlag(SchemaType.Array):
                return CheckItems(array, property.Items);
            case JsonObject or JsonArray:
                return TypeError(property.Type);
        }
        var scalar = Coerce(value as JsonValue, property.Type, out var result);
        if (!scalar)
        {
            if (property.Nullable && IsNullCoercible(value as JsonValue))
            {
                // AJV adds "null" to a nullable property's types and, when no other type fits, coerces "", 0 and
                // false to null (rest-typings' validators accept allowRinging: "" or state: 0 that way).
                coerced = null;
                return null;
            }
            return TypeError(property.Type);
        }
        coerced = result;
        if (property.Enum is { } allowed && (result is not JsonValue v || !v.TryGetValue<string>(out var s) || !allowed.Contains(s)))
        {
            return "must be equal to one of the allowed values";
        }
        return null;
    }

    private static bool IsNullCoercible(JsonValue? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>().Length == 0,
        JsonValueKind.Number => ReadNumber(value) == 0,
        JsonValueKind.False => true,
        _ => false,
    };

    private static string? CheckItems(JsonArray array, SchemaType itemType)
    {
        if (itemType == SchemaType.None)
        {
            return null;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item is JsonObject or JsonArray)
            {
                if ((item is JsonObject && itemType.HasFlag(SchemaType.Object)) || (item is JsonArray && itemType.HasFlag(SchemaType.Array)))
                {
                    continue;
                }
                return TypeError(itemType);
            }
            if (!Coerce(item as JsonValue, itemType, out var result))
            {
                return TypeError(itemType);
            }
            if (!ReferenceEquals(result, item))
            {
                array[i] = result;
            }
        }
        return null;
    }

    /// <summary>Checks a scalar (or JSON null) against the types, coercing it as AJV would when it does not match.</summary>
    private static bool Coerce(JsonValue? value, SchemaType types, out JsonNode? result)
    {
        result = value;
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (Matches(value, kind, types))
        {
            return true;
        }
        foreach (var target in CoercionOrder)
        {
            if (types.HasFlag(target) && TryCoerce(value, kind, target, out result))
            {
                return true;
            }
        }
        result = value;
        return false;
    }

    private static readonly SchemaType[] CoercionOrder = [SchemaType.String, SchemaType.Number, SchemaType.Integer, SchemaType.Boolean];

    private static bool Matches(JsonValue? value, JsonValueKind kind, SchemaType types) => kind switch
    {
        JsonValueKind.String => types.HasFlag(SchemaType.String),
        JsonValueKind.Number => types.HasFlag(SchemaType.Number) || (types.HasFlag(SchemaType.Integer) && IsInteger(ReadNumber(value!))),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(SchemaType.Boolean),
        _ => false,
    };

    private static bool TryCoerce(JsonValue? value, JsonValueKind kind, SchemaType target, out JsonNode? result)
    {
        result = null;
        switch (target)
        {
            case SchemaType.String:
                result = kind switch
                {
                    JsonValueKind.Number => JsonValue.Create(JsCoercion.NumberToString(ReadNumber(value!))),
                    JsonValueKind.True => JsonValue.Create("true"),
                    JsonValueKind.False => JsonValue.Create("false"),
                    JsonValueKind.Null => JsonValue.Create(string.Empty),
                    _ => null,
                };
                return result is not null;
            case SchemaType.Number or SchemaType.Integer:
                double number;
                switch (kind)
                {
                    case JsonValueKind.String when JsCoercion.TryStringToNumber(value!.GetValue<string>(), out number):
                        break;
                    case JsonValueKind.True:
                        number = 1;
                        break;
                    case JsonValueKind.False or JsonValueKind.Null:
                        number = 0;
                        break;
                    default:
                        return false;
                }
                if (target == SchemaType.Integer && !IsInteger(number))
                {
                    return false;
                }
                result = JsonValue.Create(number);
                return true;
            case SchemaType.Boolean:
                bool? flag = kind switch
                {
                    JsonValueKind.String => value!.GetValue<string>() switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => null,
                    },
                    JsonValueKind.Number => ReadNumber(value!) switch
                    {
                        1 => true,
                        0 => false,
                        _ => null,
                    },
                    JsonValueKind.Null => false,
                    _ => null,
                };
                result = flag is { } b ? JsonValue.Create(b) : null;
                return result is not null;
            default:
                return false;
        }
    }

    /// <summary>Reads a JSON number as JavaScript would, so literals beyond double's range become infinities.</summary>
    public static double ReadNumber(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return double.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return value.GetValue<double>();
    }

    private static bool IsInteger(double number) => double.IsFinite(number) && Math.Floor(number) == number;

    private static string TypeError(SchemaType types)
    {
        var names = new List<string>(2);
        foreach (var (flag, name) in TypeNames)
        {
            if (types.HasFlag(flag))
            {
                names.Add(name);
            }
        }
        return $"must be {string.Join(',', names)}";
    }

    private static readonly (SchemaType Flag, string Name)[] TypeNames =
    [
        (SchemaType.String, "string"),
        (SchemaType.Number, "number"),
        (SchemaType.Integer, "integer"),
        (SchemaType.Boolean, "boolean"),
        (SchemaType.Object, "object"),
        (SchemaType.Array, "array"),
    ];
}
