namespace VideoConf.Server.Providers;

internal static class ProviderServiceCollectionExtensions
{
    public static IServiceCollection AddProviders(this IServiceCollection services)
    {
        services.AddSingleton<IVideoConfProvider, JitsiProvider>();
        services.AddSingleton<IVideoConfProvider, GoogleMeetProvider>();
        services.AddSingleton<IVideoConfProvider, BigBlueButtonProvider>();
        services.AddSingleton<IVideoConfProvider, CustomProvider>();
        services.AddSingleton<ProviderRegistry>();
        services.AddSingleton<MeetingCreator>();
        services.AddHttpClient(MeetingCreator.HttpClientName, client => client.Timeout = MeetingCreator.Timeout);
        return services;
    }
}
