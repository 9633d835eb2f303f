using System.Text.Json;
using System.Text.Json.Nodes;
using VideoConf.Server.Accounts;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>
/// <c>login</c>: <c>[{"resume":token}]</c> (a REST login or personal access token, kept as it is) or
/// <c>[{"user":{"username"|"email"|"id":…},"password":{"digest","algorithm":"sha-256"} or "plain"}]</c> (a new
/// token). Both go through <see cref="LoginService"/>, with REST's failed-login limits and password queue.
/// </summary>
internal sealed class LoginMethod(LoginService logins, SessionLogins sessionLogins, TimeProvider time) : IDdpMethod
{
    /// <summary>Meteor's default token lifetime, announced as <c>tokenExpires</c>; tokens here end only by logout.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(90);

    private static readonly MeteorError Unrecognized = new("400", "Unrecognized options for login request");

    public string Name => "login";

    public async Task<MethodResult> InvokeAsync(DdpSession session, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (parameters.GetArrayLength() == 0 || parameters[0].ValueKind != JsonValueKind.Object)
        {
            return MethodResult.Fail(Unrecognized);
        }
        var options = parameters[0];
        var (outcome, type) = options.TryGetProperty("resume", out var resume)
            ? (resume.ValueKind == JsonValueKind.String ? await logins.ResumeAsync(resume.GetString()!, cancellationToken) : default, "resume")
            : (PasswordRequest(options) is { } request ? await logins.LoginAsync(request, session.Address, cancellationToken) : default, "password");
        if (outcome.Value is not { } login)
        {
            return MethodResult.Fail(outcome.Failure is { } failure ? MeteorError.From(failure) : Unrecognized);
        }
        sessionLogins.LogIn(session, login.User, Tokens.Hash(login.Token));
        var expires = time.GetUtcNow().UtcDateTime + TokenLifetime;
        return MethodResult.Value(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", login.User.Id);
            writer.WriteString("token", login.Token);
            Ejson.WriteDate(writer, "tokenExpires", expires);
            writer.WriteString("type", type);
            writer.WriteEndObject();
        });
    }

    /// <summary>The password login the options describe; null when they describe none.</summary>
    private static LoginRequest? PasswordRequest(JsonElement options)
    {
        if (!options.TryGetProperty("user", out var user) || !options.TryGetProperty("password", out var password)
            || password.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            return null;
        }
        var passwordNode = JsonNode.Parse(password.GetRawText());
        return user.ValueKind switch
        {
            JsonValueKind.String => new LoginRequest(user.GetString(), null, null, passwordNode, null),
            JsonValueKind.Object => new LoginRequest(null, Text(user, "username"), Text(user, "email"), passwordNode, null, Text(user, "id")),
            _ => null,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
