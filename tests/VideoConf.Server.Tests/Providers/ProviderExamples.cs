using VideoConf.Server.Providers;

namespace VideoConf.Server.Tests.Providers;

/// <summary>The worked-example values of §6.4: callId <c>69786d0ac8b05330207814bd</c> and the user Jane Doe.</summary>
internal static class ProviderExamples
{
    public const string CallId = "69786d0ac8b05330207814bd";
    public const string RoomId = "674eca3e43725ce31dd9a2e8";
    public const string JaneId = "fRv4qm8ycWHXSA7af";
    public const string OtherUserId = "Zx9pLq2RtYw3Mn4Kb";

    public static readonly DateTimeOffset Now = new(2026, 1, 27, 7, 45, 14, 533, TimeSpan.Zero);

    public static ProviderUser Jane { get; } = new(JaneId, "jane.doe", "Jane Doe", "jane.doe@example.org");

    public static ProviderUser Other { get; } = new(OtherUserId, "john.roe", "John Roe", "john.roe@example.org");

    /// <summary>A call created by Jane.</summary>
    public static ProviderCall Call(string? title = "ui-test") => new(CallId, RoomId, title, JaneId);

    public static MediaState NoState { get; } = new(null, null);
}
