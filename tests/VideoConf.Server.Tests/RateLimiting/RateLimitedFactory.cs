using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.RateLimiting;

/// <summary>
/// A server whose test requests can claim a connection address through <c>X-Test-Peer</c> (the test host has
/// none), standing in for the TCP peer a real server would see. Tests turn the limiter on once their users exist.
/// </summary>
public sealed class RateLimitedFactory : VideoConfFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>();

    /// <summary>Switches the limiter on at run time, as the admin (who bypasses it).</summary>
    public async Task EnableLimiterAsync()
    {
        await this.ChangeSettingAsync("API_Enable_Rate_Limiter", true);
    }

    private sealed class PeerAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
