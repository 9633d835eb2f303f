using System.Net;
using VideoConf.Server.Settings;
using static VideoConf.Server.Settings.SettingIds;

namespace VideoConf.Server.RateLimiting;

/// <summary>
/// Rocket.Chat's <c>Block_Multiple_Failed_Logins_*</c>: failed password logins are counted per client address and
/// per target account in windows of the rate-limit store (shared through Redis when configured), whatever
/// credentials the request carries. It is independent of <c>API_Enable_Rate_Limiter</c> and of the bypass
/// permission, which would otherwise let any bypass token lift the limit on guessing someone else's password.
/// </summary>
internal sealed class LoginAttemptLimiter(IRateLimitStore store, SettingsService settings)
{
    /// <summary>
    /// Counts the attempt against the address, then the account (Rocket.Chat checks in that order). The account key
    /// is given for unknown names too, so a blocked name answers the same whether its account exists or not.
    /// </summary>
    public async ValueTask<LoginReservation> ReserveAsync(string? accountKey, IPAddress? address, CancellationToken cancellationToken)
    {
        if (!settings.GetBool(BlockFailedLoginsEnabled))
        {
            return LoginReservation.Unlimited;
        }
        string? ipKey = null;
        if (settings.GetBool(BlockFailedLoginsByIp) && !IsWhitelisted(address))
        {
            ipKey = $"login-ip:{AddressText(address)}";
            var byIp = await store.HitAsync(ipKey, Count(BlockFailedLoginsIpAttempts), Minutes(BlockFailedLoginsIpMinutes), cancellationToken);
            if (!byIp.Allowed)
            {
                return new LoginReservation(LoginBlock.Ip, byIp.ResetAt, null, null);
            }
        }
        string? userKey = null;
        if (accountKey is not null && settings.GetBool(BlockFailedLoginsByUser))
        {
            userKey = $"login-user:{accountKey}";
            var byUser = await store.HitAsync(userKey, Count(BlockFailedLoginsUserAttempts), Minutes(BlockFailedLoginsUserMinutes), cancellationToken);
            if (!byUser.Allowed)
            {
                // Refused before any password check: the address's slot goes back, the attempt was no guess.
                await ReleaseAsync(ipKey);
                return new LoginReservation(LoginBlock.User, byUser.ResetAt, null, null);
            }
        }
        return new LoginReservation(LoginBlock.None, default, ipKey, userKey);
    }

    /// <summary>
    /// A right password: the account's failures are forgotten (as in Rocket.Chat), but the address only gets this
    /// attempt's slot back, so logging in to one's own account between guesses does not reset the address's count.
    /// </summary>
    public async ValueTask SucceededAsync(LoginReservation reservation)
    {
        await ReleaseAsync(reservation.IpKey);
        if (reservation.UserKey is not null)
        {
            await store.ResetAsync(reservation.UserKey, CancellationToken.None);
        }
    }

    /// <summary>The attempt was never checked (refused for load, for example): both slots go back.</summary>
    public async ValueTask CancelAsync(LoginReservation reservation)
    {
        await ReleaseAsync(reservation.IpKey);
        await ReleaseAsync(reservation.UserKey);
    }

    private ValueTask ReleaseAsync(string? key) => key is null ? ValueTask.CompletedTask : store.ReleaseAsync(key, CancellationToken.None);

    private int Count(string id) => Math.Max(1, settings.GetInt(id));

    private TimeSpan Minutes(string id) => TimeSpan.FromMinutes(Math.Max(1, settings.GetInt(id)));

    private bool IsWhitelisted(IPAddress? address)
    {
        var list = settings.GetString(BlockFailedLoginsIpWhitelist);
        if (address is null || string.IsNullOrWhiteSpace(list))
        {
            return false;
        }
        var text = AddressText(address);
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(entry => IPAddress.TryParse(entry, out var listed) ? AddressText(listed) == text : entry == text);
    }

    /// <summary>IPv4 clients reached over a dual-stack socket count as their IPv4 address.</summary>
    private static string AddressText(IPAddress? address) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        _ => address.ToString(),
    };
}
