using VideoConf.Server.Events;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// A stream event addressed to whoever listens to (<see cref="Stream"/>, <see cref="EventName"/>) on any instance:
/// a user-stream action (the server's <c>ring</c>/<c>join</c>/<c>end</c>, or one a client wrote) or a room relay
/// (<c>typing</c>). Published on the <see cref="EventHub"/> so it crosses instances like every other event.
/// </summary>
/// <param name="Stream">The stream, e.g. <c>stream-notify-user</c>.</param>
/// <param name="EventName">The event name, e.g. <c>&lt;uid&gt;/video-conference</c>.</param>
/// <param name="ArgsJson">The event's <c>args</c>, as the JSON text of an array.</param>
/// <param name="ExceptSessionId">The connection that wrote it, which does not receive its own event; null for the server's.</param>
internal sealed record RealtimeEmitted(string Stream, string EventName, string ArgsJson, string? ExceptSessionId) : ServerEvent;
