using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>
/// The server with a page cap of 5 and a default page of 3, below the 24 public settings, so that every paging rule
/// is visible through <c>settings.public</c>.
/// </summary>
public sealed class SmallPagesFactory : VideoConfFactory
{
    public const int UpperCount = 5;
    public const int DefaultCount = 3;

    public SmallPagesFactory()
    {
        WithSetting("Settings:API_Upper_Count_Limit", UpperCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Settings:API_Default_Count", DefaultCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
