using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace VideoConf.Server.RateLimiting;

/// <summary>
/// Which proxies may tell us the client's address. Nothing is trusted unless configured
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>) — not even loopback — so a client
/// cannot choose its own rate-limit key. <c>X-Real-IP</c> is honoured from the same proxies.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string RealIpHeader = "X-Real-IP";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = ReadList(section, "KnownProxies").Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{text}' is not an IP address.")).ToList();
        var networks = ReadList(section, "KnownNetworks").Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{text}' is not a network in CIDR notation.")).ToList();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still holds the loopback default and is still consulted.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>Applies <c>X-Real-IP</c> (when no <c>X-Forwarded-For</c> is present), then <c>X-Forwarded-For</c>, from trusted proxies only.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        app.Use((context, next) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is not null
                && !context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName)
                && IPAddress.TryParse(context.Request.Headers[RealIpHeader].ToString().Trim(), out var real)
                && IsTrusted(options, remote))
            {
                context.Connection.RemoteIpAddress = real;
            }
            return next(context);
        });
        // ASP.NET's middleware trusts every peer when both lists are empty, so it only runs when some proxy is listed.
        return options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    private static bool IsTrusted(ForwardedHeadersOptions options, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return options.KnownProxies.Contains(address) || options.KnownIPNetworks.Any(n => n.Contains(address));
    }

    private static IEnumerable<string> ReadList(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (values.Count == 0 && !string.IsNullOrWhiteSpace(child.Value))
        {
            values.AddRange(child.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return values;
    }
}
