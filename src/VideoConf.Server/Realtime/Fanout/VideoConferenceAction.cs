using System.Text.Json;
using VideoConf.Server.Http;
using VideoConf.Server.Realtime.Streams;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// One <c>stream-notify-user &lt;uid&gt;/video-conference</c> event: <c>{"action":…,"params":{"callId","uid","rid"}}</c>
/// for <see cref="TargetUserId"/>. <see cref="ParamsUserId"/> is the <c>uid</c> inside: the caller for
/// <c>ring</c>/<c>end</c>, the joiner for <c>join</c>.
/// </summary>
internal sealed record VideoConferenceAction(string TargetUserId, string Action, string CallId, string ParamsUserId, string RoomId)
{
    public const string Ring = "ring";
    public const string Join = "join";
    public const string End = "end";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder };

    public string EventName => StreamNames.UserVideoConference(TargetUserId);

    /// <summary>Writes the event's one argument.</summary>
    public static void WriteArg(Utf8JsonWriter writer, VideoConferenceAction action)
    {
        writer.WriteStartObject();
        writer.WriteString("action", action.Action);
        writer.WriteStartObject("params");
        writer.WriteString("callId", action.CallId);
        writer.WriteString("uid", action.ParamsUserId);
        writer.WriteString("rid", action.RoomId);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Sends it to the target's connections on this instance.</summary>
    public void Publish(StreamPublisher publisher) => publisher.Publish(StreamNames.NotifyUser, EventName, this, WriteArg);

    /// <summary>The event that carries it to the target's connections on every instance.</summary>
    public RealtimeEmitted ToEvent()
    {
        using var stream = new MemoryStream(160);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartArray();
            WriteArg(writer, this);
            writer.WriteEndArray();
        }
        return new RealtimeEmitted(StreamNames.NotifyUser, EventName, System.Text.Encoding.UTF8.GetString(stream.ToArray()), null);
    }
}
