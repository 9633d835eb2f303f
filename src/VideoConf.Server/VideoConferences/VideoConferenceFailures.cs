using VideoConf.Server.Outcomes;

namespace VideoConf.Server.VideoConferences;

/// <summary>The refusals of the video-conference actions, as the contract words them.</summary>
internal static class VideoConferenceFailures
{
    /// <summary>
    /// The room or call is unknown, or the caller may not see it: the two answer alike (a plain
    /// <c>invalid-params</c>), so the existence of rooms and calls is not revealed.
    /// </summary>
    public static readonly Failure UnknownOrHidden = Failure.Plain("invalid-params");

    /// <summary>The call has ended (join), or is not a direct call (cancel).</summary>
    public static readonly Failure InvalidCall = Failure.Plain("invalid-call");

    /// <summary>The direct call is no longer ringing.</summary>
    public static readonly Failure InvalidCallStatus = Failure.Plain("invalid-call-status");

    /// <summary>A read-only room, and the caller is neither its owner nor a moderator.</summary>
    public static readonly Failure NotAllowedToStart = Failure.Plain("error-not-allowed-to-start-video-conference");

    /// <summary>The call's provider is no longer enabled.</summary>
    public static readonly Failure ProviderUnavailable = Failure.Plain("video-conf-provider-unavailable");

    /// <summary>The provider is not configured, or could not set the meeting up.</summary>
    public static readonly Failure FailedToGetUrl = Failure.Plain("failed-to-get-url");
}
