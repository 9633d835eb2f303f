using System.Text.Json;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>One DDP method, by its name; the dispatcher finds it, applies the rate limits and writes its answer.</summary>
internal interface IDdpMethod
{
    string Name { get; }

    /// <summary>Runs the method for <paramref name="session"/>; <paramref name="parameters"/> is the <c>params</c> array.</summary>
    Task<MethodResult> InvokeAsync(DdpSession session, JsonElement parameters, CancellationToken cancellationToken);
}
