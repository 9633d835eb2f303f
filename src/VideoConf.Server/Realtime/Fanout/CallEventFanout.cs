using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Streams;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// A call changed: <c>stream-notify-room &lt;rid&gt;/videoconf</c> and <c>stream-video-conference
/// &lt;callId&gt;/updated</c>, both with the call's id, after every change (start, join, status change, end).
/// </summary>
internal sealed class CallEventFanout(StreamPublisher publisher)
{
    public Task HandleAsync(CallChanged change, CancellationToken cancellationToken)
    {
        publisher.PublishId(StreamNames.NotifyRoom, StreamNames.RoomVideoconf(change.RoomId), change.CallId);
        publisher.PublishId(StreamNames.VideoConference, StreamNames.CallUpdated(change.CallId), change.CallId);
        return Task.CompletedTask;
    }
}
