namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Names no other test on the same server uses, so tests can share one server (and one store). Every name is valid
/// as a username and as a room name (letters, digits, <c>-</c>).
/// </summary>
public static class UniqueName
{
    /// <summary><paramref name="prefix"/>, a dash and ten random hex digits.</summary>
    public static string For(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    /// <summary>A name of exactly <paramref name="length"/> characters: the prefix, random hex digits, then <c>x</c> padding.</summary>
    public static string OfLength(string prefix, int length) => (prefix + Guid.NewGuid().ToString("N") + new string('x', length))[..length];
}
