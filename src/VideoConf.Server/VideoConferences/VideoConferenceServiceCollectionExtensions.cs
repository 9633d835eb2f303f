namespace VideoConf.Server.VideoConferences;

internal static class VideoConferenceServiceCollectionExtensions
{
    public static IServiceCollection AddVideoConferences(this IServiceCollection services)
    {
        services.AddSingleton<VideoConferenceService>();
        services.AddSingleton<CallListReader>();
        services.AddSingleton<CallPageCache>();
        services.AddSingleton<CallEvents>();
        services.AddSingleton<CallTimekeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<CallTimekeeper>());
        return services;
    }
}
