namespace VideoConf.Server.Http.Validation;

/// <summary>
/// The lengths of the text the API stores (contract §3.1), in one place for every endpoint. Lengths are counted
/// as Rocket.Chat's JavaScript counts them, in UTF-16 code units (<see cref="string.Length"/>), so a character outside
/// the Basic Multilingual Plane counts as two. Each endpoint answers a value out of bounds with its own domain error.
/// </summary>
internal static class TextLimits
{
    public const int UsernameMax = 64;

    public const int NameMax = 120;

    public const int RoomNameMax = 64;

    public const int TitleMax = 200;

    public const int TokenNameMax = 64;

    public const int EmailMin = 3;

    public const int EmailMax = 254;

    /// <summary>True when <paramref name="value"/> holds 1 to <paramref name="max"/> code units.</summary>
    public static bool Fits(string value, int max) => value.Length >= 1 && value.Length <= max;

    /// <summary>The length rule of e-mails, plus no control characters (a NUL or a line break in an address is never meant).</summary>
    public static bool FitsEmail(string value) =>
        value.Length >= EmailMin && value.Length <= EmailMax && !value.Any(char.IsControl);

    /// <summary>
    /// At most <paramref name="max"/> code units of <paramref name="value"/>, without splitting a surrogate pair: for
    /// text that reached the store before the limits applied and is passed on to another system.
    /// </summary>
    public static string Bounded(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }
        var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..end];
    }
}
