namespace VideoConf.Server.Rooms;

/// <summary>Rocket.Chat's room types, the <c>t</c> of rooms and subscriptions.</summary>
internal static class RoomTypes
{
    /// <summary>A public channel: any user holding <c>view-c-room</c> may see it.</summary>
    public const string Channel = "c";

    /// <summary>A private group: members only.</summary>
    public const string Group = "p";

    /// <summary>A direct-message room of a fixed set of users.</summary>
    public const string Direct = "d";
}
