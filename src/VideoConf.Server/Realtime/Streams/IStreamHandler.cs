using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Streams;

/// <summary>
/// One stream (<c>stream-notify-room</c>, …): which event names it has and who may read them, decided once, when a
/// client subscribes. Events themselves are sent by the fan-out.
/// </summary>
internal interface IStreamHandler
{
    string Name { get; }

    /// <summary>Whether the session's user may listen to <paramref name="eventName"/> (the session has a user).</summary>
    Task<StreamGrant> AuthorizeAsync(DdpSession session, string eventName, CancellationToken cancellationToken);
}
