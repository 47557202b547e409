using System.Security.Cryptography;

namespace NcrsGateway.Security;

/// <summary>
/// A random HMAC key made at start when the sandbox is on, so the sandbox token issuer and the bearer
/// handler agree without any configured secret. It never leaves the process and dies with it.
/// </summary>
internal sealed class SandboxSigningKey
{
    public const string DefaultIssuer = "https://ncrs-gateway.sandbox.invalid/issuer";
    public const string DefaultAudience = "ncrs-gateway";

    private SandboxSigningKey(byte[] key) => Key = key;

    public ReadOnlyMemory<byte> Key { get; }

    public static SandboxSigningKey Create() => new(RandomNumberGenerator.GetBytes(32));
}
