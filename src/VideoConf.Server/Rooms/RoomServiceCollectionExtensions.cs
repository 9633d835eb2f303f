namespace VideoConf.Server.Rooms;

internal static class RoomServiceCollectionExtensions
{
    public static IServiceCollection AddRooms(this IServiceCollection services)
    {
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<RoomMembership>();
        return services;
    }
}
