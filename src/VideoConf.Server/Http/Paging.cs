using VideoConf.Server.Http.Validation;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Http;

/// <summary>
/// Offset and count of a list request as Rocket.Chat computes them: truncated to integers, clamped, negative
/// counts taken by magnitude, and <c>count=0</c> meaning "everything" when infinite counts are allowed.
/// </summary>
internal readonly record struct Paging(int Offset, int? Limit)
{
    public static readonly SchemaProperty OffsetProperty = SchemaProperty.Number("offset");
    public static readonly SchemaProperty CountProperty = SchemaProperty.Number("count");

    /// <summary><see cref="Limit"/> is null when every item from the offset on is wanted.</summary>
    public bool IsUnbounded => Limit is null;

    public static Paging From(ApiParams parameters, SettingsService settings)
    {
        var upper = Math.Max(1, settings.GetInt(SettingIds.ApiUpperCountLimit));
        var offset = Math.Max(0, Truncate(parameters.Number("offset") ?? 0));
        var requested = parameters.Number("count");
        var defaultCount = Math.Min(Math.Max(0, settings.GetInt(SettingIds.ApiDefaultCount)), upper);
        if (requested is null)
        {
            return new Paging(offset, defaultCount);
        }
        var count = Truncate(requested.Value);
        if (count == 0)
        {
            // Without infinite counts, Rocket.Chat falls back to the default page size here.
            return settings.GetBool(SettingIds.ApiAllowInfiniteCount)
                ? new Paging(offset, null)
                : new Paging(offset, defaultCount);
        }
        var magnitude = count == int.MinValue ? int.MaxValue : Math.Abs(count);
        return new Paging(offset, Math.Min(magnitude, upper));
    }

    /// <summary>Truncates toward zero and clamps to the int range (NaN counts as 0).</summary>
    private static int Truncate(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }
        var truncated = Math.Truncate(value);
        return truncated >= int.MaxValue ? int.MaxValue : truncated <= int.MinValue ? int.MinValue : (int)truncated;
    }
}
