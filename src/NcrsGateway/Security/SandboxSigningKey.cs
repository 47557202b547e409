using System.Security.Cryptography;

namespace NcrsGateway.Security;

/// <summary>
/// A random HMAC key made at start when the sandbox is on, so the sandbox token issuer and the bearer
/// handler agree without any configured secret. It never leaves the process and dies with it. Tokens of the
/// sandbox issuer are signed only with it; a gateway outside the sandbox refuses that issuer.
/// </summary>
internal sealed class SandboxSigningKey
{
    /// <summary>The sandbox token issuer's <c>iss</c>: never configurable, never accepted outside the sandbox.</summary>
    public const string Issuer = "https://ncrs-gateway.sandbox.invalid/issuer";
    public const string DefaultAudience = "ncrs-gateway";

    private SandboxSigningKey(byte[] key) => Key = key;

    public ReadOnlyMemory<byte> Key { get; }

    public static SandboxSigningKey Create() => new(RandomNumberGenerator.GetBytes(32));
}
