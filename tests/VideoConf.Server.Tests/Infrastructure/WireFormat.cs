using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>How dates and ids look on the wire (contract §1): what tests expect and match answers against.</summary>
public static partial class WireFormat
{
    /// <summary>ISO-8601 UTC with milliseconds, as every date is sent.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date as <see cref="Date"/> writes it.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\z", RegexOptions.CultureInvariant)]
    public static partial Regex IsoDate();

    /// <summary>A 17-character Meteor id (users, rooms, messages).</summary>
    [GeneratedRegex(@"^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}\z", RegexOptions.CultureInvariant)]
    public static partial Regex RandomId();

    /// <summary>A call's 24-hex ObjectId-like id.</summary>
    [GeneratedRegex(@"^[0-9a-f]{24}\z", RegexOptions.CultureInvariant)]
    public static partial Regex CallId();
}
