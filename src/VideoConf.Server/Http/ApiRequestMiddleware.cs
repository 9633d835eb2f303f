using VideoConf.Server.Accounts;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Http;

/// <summary>
/// Runs the contract's checks in their fixed order before any handler: authentication (401), then parameter
/// validation (400) against the route's schema. Handlers receive the caller and the validated parameters.
/// Requests under <c>/api</c> that matched no API route (unknown route or wrong method) get the JSON 404.
/// </summary>
internal sealed class ApiRequestMiddleware(RequestDelegate next, SessionAuthenticator authenticator, SettingsService settings, IEnumerable<IApiRequestGate> gates)
{
    private readonly IApiRequestGate[] _gates = gates.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var api = context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpoint>();
        if (api is null)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await ApiResults.Error(Failure.NotFound).ExecuteAsync(context);
                return;
            }
            await next(context);
            return;
        }

        var user = await authenticator.AuthenticateAsync(context.Request);
        if (user is null && !AllowsAnonymous(api.Auth))
        {
            await ApiResults.Unauthorized.ExecuteAsync(context);
            return;
        }
        var caller = new Caller(user);
        context.Features.Set(caller);

        foreach (var gate in _gates)
        {
            var refusal = await gate.CheckAsync(context, api, caller);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
        }

        var (values, inputError) = await RequestInput.ReadAsync(context, api.Schema);
        if (inputError is not null)
        {
            await inputError.ExecuteAsync(context);
            return;
        }
        var error = SchemaValidator.Validate(values!, api.Schema);
        if (error is not null)
        {
            await ApiResults.Error(Failure.Validation(error)).ExecuteAsync(context);
            return;
        }
        context.Features.Set(new ApiParams(values!));
        await next(context);
    }

    private bool AllowsAnonymous(AuthMode mode) => mode switch
    {
        AuthMode.Optional => true,
        AuthMode.AnonymousReadAllowed => settings.GetBool(SettingIds.AccountsAllowAnonymousRead),
        _ => false,
    };
}
