using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace VideoConf.Server.Providers;

/// <summary>
/// HS256 signing for any key length. The JWT library refuses keys under 128 bits, but Jitsi deployments (and
/// Rocket.Chat's own Jitsi integration) sign with whatever secret the administrator configured.
/// </summary>
internal static class AnyLengthHmac
{
    public static readonly CryptoProviderFactory Factory = new() { CustomCryptoProvider = new Provider() };

    private sealed class Provider : ICryptoProvider
    {
        public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
            algorithm == SecurityAlgorithms.HmacSha256 && args.FirstOrDefault() is SymmetricSecurityKey;

        public object Create(string algorithm, params object[] args) => new Signer((SymmetricSecurityKey)args[0]);

        public void Release(object cryptoInstance) => (cryptoInstance as IDisposable)?.Dispose();
    }

    private sealed class Signer(SymmetricSecurityKey key) : SignatureProvider(key, SecurityAlgorithms.HmacSha256)
    {
        public override byte[] Sign(byte[] input) => HMACSHA256.HashData(key.Key, input);

        public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
        {
            bytesWritten = HMACSHA256.HashData(key.Key, data, destination);
            return true;
        }

        public override bool Verify(byte[] input, byte[] signature) => CryptographicOperations.FixedTimeEquals(Sign(input), signature);

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
            CryptographicOperations.FixedTimeEquals(
                HMACSHA256.HashData(key.Key, input.AsSpan(inputOffset, inputLength)),
                signature.AsSpan(signatureOffset, signatureLength));

        protected override void Dispose(bool disposing)
        {
        }
    }
}
