using System.Text.Json;
using VideoConf.Server.Events;
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

    /// <summary>The event that carries it to the target's connections on every instance.</summary>
    public RealtimeEmitted ToEvent(string? exceptSessionId = null)
    {
        using var stream = new MemoryStream(160);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("action", Action);
            writer.WriteStartObject("params");
            writer.WriteString("callId", CallId);
            writer.WriteString("uid", ParamsUserId);
            writer.WriteString("rid", RoomId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        return new RealtimeEmitted(StreamNames.NotifyUser, StreamNames.UserVideoConference(TargetUserId),
            System.Text.Encoding.UTF8.GetString(stream.ToArray()), exceptSessionId);
    }

    /// <summary>Announces each action on the hub.</summary>
    public static void PublishAll(EventHub events, IEnumerable<VideoConferenceAction> actions)
    {
        foreach (var action in actions)
        {
            events.Publish(action.ToEvent());
        }
    }
}
