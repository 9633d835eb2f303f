using System.Net.WebSockets;
using System.Text.Json;
using VideoConf.Server.Realtime.Limits;
using VideoConf.Server.Realtime.Methods;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Realtime.Transport;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// The DDP session protocol: what each client message does, in the order a connection sends them. The receive
/// loop hands it every frame; it answers through the session's outbox.
/// </summary>
internal sealed partial class DdpDispatcher(
    IEnumerable<IDdpMethod> methods,
    StreamSubscriptions subscriptions,
    DdpRateLimiter limiter,
    TimeProvider time,
    ILogger<DdpDispatcher> logger)
{
    private readonly Dictionary<string, IDdpMethod> _methods = methods.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public async Task HandleFrameAsync(DdpSession session, IRealtimeFraming framing, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var messages = framing.Unwrap(frame);
        if (messages is null)
        {
            Send(session, DdpFrames.ParseError);
            return;
        }
        foreach (var text in messages)
        {
            if (session.CloseRequest is not null)
            {
                return;
            }
            using var message = DdpMessage.Parse(text);
            if (message is null)
            {
                Send(session, DdpFrames.ParseError);
                continue;
            }
            await HandleAsync(session, message, cancellationToken);
        }
    }

    private async Task HandleAsync(DdpSession session, DdpMessage message, CancellationToken cancellationToken)
    {
        if (!session.IsConnected)
        {
            if (message.Msg == "connect")
            {
                Connect(session, message);
            }
            else
            {
                Send(session, DdpFrames.MustConnectFirst);
            }
            return;
        }
        switch (message.Msg)
        {
            case "connect":
                Send(session, DdpFrames.AlreadyConnected);
                break;
            case "ping":
                Send(session, DdpFrames.Pong(message.String("id")));
                break;
            case "pong":
                break;
            case "method":
                await CallAsync(session, message, cancellationToken);
                break;
            case "sub":
                await SubscribeAsync(session, message, cancellationToken);
                break;
            case "unsub":
                Unsubscribe(session, message);
                break;
            default:
                Send(session, DdpFrames.Error("Bad request", message.Root));
                break;
        }
    }

    /// <summary>Version "1" is the one spoken; any other, or a malformed connect, is answered <c>failed</c> and closed (as Meteor).</summary>
    private void Connect(DdpSession session, DdpMessage message)
    {
        var version = message.String("version");
        var supported = message.Root.TryGetProperty("support", out var support) && support.ValueKind == JsonValueKind.Array
            && support.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            && support.EnumerateArray().Any(v => v.GetString() == version);
        if (version != "1" || !supported)
        {
            Send(session, DdpFrames.Failed);
            session.Close(WebSocketCloseStatus.NormalClosure, "Unsupported DDP version", time.GetUtcNow());
            return;
        }
        session.MarkConnected();
        Send(session, DdpFrames.Connected(session.Id));
    }

    private async Task CallAsync(DdpSession session, DdpMessage message, CancellationToken cancellationToken)
    {
        var id = message.String("id");
        var name = message.String("method");
        var parameters = message.Params();
        if (id is null || name is null || parameters is not { } args)
        {
            Send(session, DdpFrames.Error("Malformed method invocation", message.Root));
            return;
        }
        MethodResult result;
        if (!_methods.TryGetValue(name, out var method))
        {
            result = MethodResult.Fail(MeteorError.MethodNotFound(name));
        }
        else if (limiter.Check(session, "method", name) is { } tooMany)
        {
            result = MethodResult.Fail(tooMany);
        }
        else
        {
            try
            {
                result = await method.InvokeAsync(session, args, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (ex is StoreUnavailableException)
                {
                    LogStoreUnavailable(logger, name, ex);
                }
                else
                {
                    LogMethodFailed(logger, name, ex);
                }
                result = MethodResult.Fail(MeteorError.Internal);
            }
        }
        Send(session, DdpFrames.Result(id, result.WriteResult, result.Error));
        Send(session, DdpFrames.Updated(id));
    }

    private async Task SubscribeAsync(DdpSession session, DdpMessage message, CancellationToken cancellationToken)
    {
        var id = message.String("id");
        var name = message.String("name");
        var parameters = message.Params();
        if (id is null || name is null || parameters is not { } args)
        {
            Send(session, DdpFrames.Error("Malformed subscription", message.Root));
            return;
        }
        if (subscriptions.IsKnown(name) && !session.HasSubscription(id) && limiter.Check(session, "subscription", name) is { } tooMany)
        {
            Send(session, DdpFrames.NoSub(id, tooMany));
            return;
        }
        try
        {
            await subscriptions.SubscribeAsync(session, id, name, args, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSubscribeFailed(logger, name, ex);
            Send(session, DdpFrames.NoSub(id, MeteorError.Internal));
        }
    }

    private void Unsubscribe(DdpSession session, DdpMessage message)
    {
        if (message.String("id") is not { } id)
        {
            Send(session, DdpFrames.Error("Malformed subscription", message.Root));
            return;
        }
        subscriptions.Unsubscribe(session, id);
    }

    private void Send(DdpSession session, byte[] message) => session.Send(message, time.GetUtcNow());

    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "Realtime method {Method} failed")]
    private static partial void LogMethodFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "Realtime subscription to {Stream} failed")]
    private static partial void LogSubscribeFailed(ILogger logger, string stream, Exception exception);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Store unavailable during realtime method {Method}")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, Exception exception);
}
