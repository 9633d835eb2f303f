namespace VideoConf.Server.Realtime.Limits;

/// <summary>One of Rocket.Chat's per-connection DDP limits: at most <see cref="Limit"/> calls per <see cref="Window"/>.</summary>
internal sealed record RateRule(string Key, int Limit, TimeSpan Window)
{
    /// <summary>Every method and subscription of the connection together.</summary>
    public static readonly RateRule AllMessages = new("*", 600, TimeSpan.FromSeconds(60));

    public static readonly RateRule Login = new("method:login", 5, TimeSpan.FromSeconds(10));

    /// <summary>The rule for one method or subscription name: <c>stream-*</c> 40 per 40 s, <c>login</c> 5 per 10 s, others 10 per 10 s.</summary>
    public static RateRule For(string kind, string name) => name switch
    {
        "login" when kind == "method" => Login,
        _ when name.StartsWith("stream-", StringComparison.Ordinal) => new($"{kind}:{name}", 40, TimeSpan.FromSeconds(40)),
        _ => new($"{kind}:{name}", 10, TimeSpan.FromSeconds(10)),
    };
}
