using System.Globalization;
using System.Text.Json;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Realtime.Protocol;

/// <summary>
/// Meteor's error as DDP sends it, in <c>result</c> or <c>nosub</c>:
/// <c>{"isClientSafe":true,"error":&lt;code&gt;,"reason":…,"details":…,"message":"&lt;reason&gt; [&lt;code&gt;]","errorType":"Meteor.Error"}</c>,
/// keys in the order Meteor's constructor sets them. Numeric codes (404, 403, 500) are numbers on the wire.
/// </summary>
/// <param name="Code">The error code.</param>
/// <param name="Reason">The words before the code; without them the message is <c>[code]</c>.</param>
/// <param name="TimeToReset">For <c>too-many-requests</c>: <c>details.timeToReset</c> in milliseconds.</param>
internal sealed record MeteorError(string Code, string? Reason = null, long? TimeToReset = null)
{
    public static readonly MeteorError Internal = new("500", "Internal server error");

    public static readonly MeteorError NotAllowed = new("not-allowed");

    public static readonly MeteorError InvalidEventName = new("invalid-event-name");

    public static MeteorError MethodNotFound(string name) => new("404", $"Method '{name}' not found");

    public static MeteorError SubscriptionNotFound(string name) => new("404", $"Subscription '{name}' not found");

    /// <summary>A service's <see cref="Failure"/> in Meteor's words: its code, and its reason when it has one.</summary>
    public static MeteorError From(Failure failure) => new(failure.Code, failure.Reason);

    public string Message => Reason is null ? $"[{Code}]" : $"{Reason} [{Code}]";

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("isClientSafe", true);
        if (int.TryParse(Code, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
        {
            writer.WriteNumber("error", numeric);
        }
        else
        {
            writer.WriteString("error", Code);
        }
        if (Reason is not null)
        {
            writer.WriteString("reason", Reason);
        }
        if (TimeToReset is { } wait)
        {
            writer.WriteStartObject("details");
            writer.WriteNumber("timeToReset", wait);
            writer.WriteEndObject();
        }
        writer.WriteString("message", Message);
        writer.WriteString("errorType", "Meteor.Error");
        writer.WriteEndObject();
    }
}
