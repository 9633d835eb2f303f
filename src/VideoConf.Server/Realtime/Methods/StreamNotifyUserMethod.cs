using System.Text.Json;
using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Fanout;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Realtime.Streams;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>
/// <c>stream-notify-user</c> written by a client: <c>["&lt;uid&gt;/video-conference", {action, params}]</c> is relayed
/// to that user's connections on every instance (but the writing one) when <see cref="ClientCallActionRule"/> lets
/// it. A refused emit is silent, as in Rocket.Chat; the method never has a result.
/// </summary>
internal sealed class StreamNotifyUserMethod(ClientCallActionRule rule, EventHub events) : IDdpMethod
{
    public string Name => StreamNames.NotifyUser;

    public async Task<MethodResult> InvokeAsync(DdpSession session, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (session.User is not { } writer || parameters.GetArrayLength() < 2 || parameters[0].ValueKind != JsonValueKind.String
            || !StreamNames.TrySplit(parameters[0].GetString()!, out var targetUserId, out var eventName) || eventName != "video-conference"
            || ClientCallActionRule.Read(targetUserId, parameters[1]) is not { } action)
        {
            return MethodResult.Nothing;
        }
        switch (await rule.JudgeAsync(writer, action, cancellationToken))
        {
            case ClientActionVerdict.Relay:
                var args = JsonSerializer.Serialize(parameters.EnumerateArray().Skip(1));
                events.Publish(new RealtimeEmitted(StreamNames.NotifyUser, parameters[0].GetString()!, args, session.Id));
                break;
            case ClientActionVerdict.EndToCreator:
                events.Publish(new VideoConferenceAction(writer.Id, VideoConferenceAction.End, action.CallId, action.ParamsUserId, action.RoomId).ToEvent());
                break;
        }
        return MethodResult.Nothing;
    }
}
