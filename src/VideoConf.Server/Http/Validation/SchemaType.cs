namespace VideoConf.Server.Http.Validation;

/// <summary>The JSON types a schema property may accept, named as AJV names them in its messages.</summary>
[Flags]
internal enum SchemaType
{
    None = 0,
    String = 1,
    Number = 2,
    Integer = 4,
    Boolean = 8,
    Object = 16,
    Array = 32,
}
