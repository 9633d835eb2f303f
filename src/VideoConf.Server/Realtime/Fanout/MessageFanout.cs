using System.Text.Json;
using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Rooms;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// A message was posted: <c>stream-room-messages &lt;rid&gt;</c> gets <c>[message]</c>, and <c>__my_messages__</c>
/// listeners who are members of the room get <c>[message, {roomParticipant, roomType, roomName}]</c>. Dates are EJSON.
/// </summary>
internal sealed class MessageFanout(StreamPublisher publisher, IRoomStore rooms)
{
    /// <summary>Rooms of more members than this are matched against <c>__my_messages__</c> listeners one by one.</summary>
    private const int MembersReadAtOnce = 10_000;

    public async Task HandleAsync(MessagePosted posted, CancellationToken cancellationToken)
    {
        var message = MessageDto.From(posted.Message);
        publisher.Publish(StreamNames.RoomMessages, message.Rid, message, static (w, m) => JsonSerializer.Serialize(w, m, Ejson.Options));
        var listeners = publisher.Listeners(StreamNames.RoomMessages, StreamNames.MyMessages).ToList();
        if (listeners.Count == 0)
        {
            return;
        }
        var room = await rooms.FindByIdAsync(message.Rid, cancellationToken);
        if (room is null)
        {
            return;
        }
        var members = await MembersAsync(room.Id, listeners.Select(l => l.Subscription.UserId), cancellationToken);
        var bytes = DdpFrames.Changed(StreamNames.RoomMessages, StreamNames.MyMessages, (message, room), static (w, s) =>
        {
            JsonSerializer.Serialize(w, s.message, Ejson.Options);
            w.WriteStartObject();
            w.WriteBoolean("roomParticipant", true);
            w.WriteString("roomType", s.room.Type);
            if (s.room.Name is { } name)
            {
                w.WriteString("roomName", name);
            }
            w.WriteEndObject();
        });
        foreach (var (session, subscription) in listeners)
        {
            if (members.Contains(subscription.UserId) && session.IsLive(subscription))
            {
                publisher.Send(session, bytes);
            }
        }
    }

    private async Task<HashSet<string>> MembersAsync(string roomId, IEnumerable<string> listening, CancellationToken cancellationToken)
    {
        var members = await rooms.FindMemberIdsAsync(roomId, MembersReadAtOnce, cancellationToken);
        if (members.Count < MembersReadAtOnce)
        {
            return members.ToHashSet(StringComparer.Ordinal);
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var userId in listening.Distinct(StringComparer.Ordinal))
        {
            if (await rooms.FindSubscriptionAsync(roomId, userId, cancellationToken) is not null)
            {
                found.Add(userId);
            }
        }
        return found;
    }
}
