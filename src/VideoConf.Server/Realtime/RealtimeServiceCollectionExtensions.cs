using VideoConf.Server.Realtime.Fanout;
using VideoConf.Server.Realtime.Limits;
using VideoConf.Server.Realtime.Methods;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Realtime.Transport;

namespace VideoConf.Server.Realtime;

internal static class RealtimeServiceCollectionExtensions
{
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RealtimeOptions>()
            .Bind(configuration.GetSection(RealtimeOptions.SectionName))
            .Validate(o => o.MaxConnections >= 1, "Realtime:MaxConnections must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<StreamIndex>();
        services.AddSingleton<IStreamHandler, NotifyRoomStream>();
        services.AddSingleton<IStreamHandler, NotifyUserStream>();
        services.AddSingleton<IStreamHandler, RoomMessagesStream>();
        services.AddSingleton<IStreamHandler, VideoConferenceStream>();
        services.AddSingleton<StreamSubscriptions>();
        services.AddSingleton<StreamPublisher>();
        services.AddSingleton<CallEventFanout>();
        services.AddSingleton<EmittedEventFanout>();
        services.AddSingleton<MessageFanout>();
        services.AddSingleton<AccessFanout>();
        services.AddHostedService<RealtimeFanout>();
        services.AddSingleton<SessionLogins>();
        services.AddSingleton<IDdpMethod, LoginMethod>();
        services.AddSingleton<IDdpMethod, LogoutMethod>();
        services.AddSingleton<ClientCallActionRule>();
        services.AddSingleton<IDdpMethod, StreamNotifyUserMethod>();
        services.AddSingleton<IDdpMethod, StreamNotifyRoomMethod>();
        services.AddSingleton<DdpRateLimiter>();
        services.AddSingleton<DdpDispatcher>();
        services.AddSingleton<RealtimeServer>();
        services.AddHostedService<RealtimeHeartbeat>();
        return services;
    }
}
