using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Tests.Http;

/// <summary>
/// A request gate that throws on demand, so tests can see how the pipeline turns faults into responses:
/// <c>X-Test-Fault: unexpected</c> throws an ordinary exception, <c>X-Test-Fault: store</c> a
/// <see cref="StoreUnavailableException"/>; <c>X-Test-Fault-Message</c> chooses the exception's message.
/// A request carrying <c>X-Test-Trace: &lt;id&gt;</c> has the body length the server saw recorded under that id
/// (-1 when the length was not announced), so tests can prove a body really arrived streamed.
/// </summary>
internal sealed class FaultGate(ConcurrentDictionary<string, long> announcedLengths) : IApiRequestGate
{
    public const string FaultHeader = "X-Test-Fault";
    public const string MessageHeader = "X-Test-Fault-Message";
    public const string TraceHeader = "X-Test-Trace";

    public ValueTask<IResult?> CheckAsync(HttpContext context, ApiEndpoint endpoint, Caller caller)
    {
        var request = context.Request;
        if (request.Headers[TraceHeader].ToString() is { Length: > 0 } trace)
        {
            announcedLengths[trace] = request.ContentLength ?? -1;
        }
        var message = request.Headers[MessageHeader].ToString();
        return request.Headers[FaultHeader].ToString() switch
        {
            "unexpected" => throw new InvalidOperationException(message),
            "store" => throw new StoreUnavailableException(message),
            _ => ValueTask.FromResult<IResult?>(null),
        };
    }
}
