using System.Text.Json;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>Delivers a <see cref="RealtimeEmitted"/> event to this instance's listeners (but the connection that wrote it).</summary>
internal sealed class EmittedEventFanout(StreamPublisher publisher)
{
    public void Handle(RealtimeEmitted emitted) =>
        publisher.Publish(emitted.Stream, emitted.EventName, emitted.ArgsJson, WriteArgs, emitted.ExceptSessionId);

    private static void WriteArgs(Utf8JsonWriter writer, string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        foreach (var arg in args.RootElement.EnumerateArray())
        {
            arg.WriteTo(writer);
        }
    }
}
