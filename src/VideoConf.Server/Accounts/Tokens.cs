using System.Security.Cryptography;
using System.Text;

namespace VideoConf.Server.Accounts;

/// <summary>Login and personal access tokens: 256 random bits, stored only as <c>base64(sha256(token))</c>.</summary>
internal static class Tokens
{
    /// <summary>Longer than any token issued here; a longer one is not looked up.</summary>
    public const int MaxLength = 512;

    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a token, as Meteor's <c>Accounts._hashLoginToken</c> computes it.</summary>
    public static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The lowercase SHA-256 hex of a password, the form Rocket.Chat clients may send as a digest.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
