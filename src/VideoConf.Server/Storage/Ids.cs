using System.Security.Cryptography;

namespace VideoConf.Server.Storage;

/// <summary>Identifier formats of the contract: Meteor-style random ids and ObjectId-like hex ids.</summary>
public static class Ids
{
    private const string MeteorAlphabet = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>A 17-character random id, as Meteor's <c>Random.id()</c> makes for users, rooms and messages.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(MeteorAlphabet, 17);

    /// <summary>A 24-character lowercase hex id: 4-byte seconds timestamp, then 8 random bytes.</summary>
    public static string NewObjectId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)now.ToUnixTimeSeconds();
        bytes[0] = (byte)(seconds >> 24);
        bytes[1] = (byte)(seconds >> 16);
        bytes[2] = (byte)(seconds >> 8);
        bytes[3] = (byte)seconds;
        RandomNumberGenerator.Fill(bytes[4..]);
        return Convert.ToHexStringLower(bytes);
    }
}
