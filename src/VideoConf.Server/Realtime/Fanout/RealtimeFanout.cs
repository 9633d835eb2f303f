using VideoConf.Server.Events;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// The realtime API's one subscriber of the <see cref="EventHub"/> on this instance. Events arrive one at a time,
/// in the order they were published (or relayed from another instance), off the request that caused them; each
/// kind goes to the part that turns it into stream events.
/// </summary>
internal sealed class RealtimeFanout(EventHub events, CallEventFanout calls, MessageFanout messages, AccessFanout access, EmittedEventFanout emitted)
    : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe<ServerEvent>("realtime", HandleAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task HandleAsync(ServerEvent serverEvent, EventOrigin origin)
    {
        switch (serverEvent)
        {
            case CallChanged change:
                return calls.HandleAsync(change, CancellationToken.None);
            case RingingTimedOut timedOut:
                return calls.HandleAsync(timedOut, CancellationToken.None);
            case MessagePosted posted:
                return messages.HandleAsync(posted, CancellationToken.None);
            case SessionEnded ended:
                access.Handle(ended);
                return Task.CompletedTask;
            case RoomAccessRemoved removed:
                return access.HandleAsync(removed, CancellationToken.None);
            case RealtimeEmitted emission:
                emitted.Handle(emission);
                return Task.CompletedTask;
            default:
                return Task.CompletedTask;
        }
    }
}
