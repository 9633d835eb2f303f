using System.Text.Json.Serialization;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>A user as the API shows it; never carries a password hash.</summary>
internal sealed record UserDto(
    [property: JsonPropertyName("_id")] string Id,
    string Type,
    string Username,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EmailDto>? Emails,
    string Status,
    IReadOnlyList<string> Roles,
    bool Active,
    DateTime CreatedAt,
    [property: JsonPropertyName("_updatedAt")] DateTime UpdatedAt,
    [property: JsonPropertyName("avatarETag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AvatarETag)
{
    public static UserDto From(UserRecord user, bool includeEmails = true) => new(
        user.Id,
        user.Type,
        user.Username,
        user.Name,
        includeEmails && user.Email is not null ? [new EmailDto(user.Email, user.EmailVerified)] : null,
        user.Status,
        user.Roles,
        user.Active,
        user.CreatedAt,
        user.UpdatedAt,
        user.AvatarETag);
}

internal sealed record EmailDto(string Address, bool Verified);

internal sealed record UserEnvelope(UserDto User);
