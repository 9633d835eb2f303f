using System.Text.Json;
using VideoConf.Server.Accounts;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>
/// <c>logout</c>: ends the session's token (as REST's logout does, so it stops working everywhere) and makes the
/// connection anonymous again; its subscriptions end with <c>nosub</c>. No result.
/// </summary>
internal sealed class LogoutMethod(LoginService logins, SessionLogins sessionLogins) : IDdpMethod
{
    public string Name => "logout";

    public async Task<MethodResult> InvokeAsync(DdpSession session, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (session.User is { } user && session.TokenHash is { } tokenHash)
        {
            await logins.EndSessionAsync(user.Id, tokenHash, cancellationToken);
        }
        sessionLogins.LogOut(session);
        return MethodResult.Nothing;
    }
}
