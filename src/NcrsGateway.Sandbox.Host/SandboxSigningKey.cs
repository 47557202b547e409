using System.Security.Cryptography;
using NcrsGateway.Hosting;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// A random HMAC key made at start, so the sandbox token issuer and the bearer handler agree without any configured
/// secret. It never leaves the process and dies with it. Tokens of the sandbox issuer are signed only with it; the
/// production host refuses that issuer.
/// </summary>
internal sealed class SandboxSigningKey
{
    /// <summary>The sandbox token issuer's <c>iss</c>: never configurable, never accepted by the production host.</summary>
    public const string Issuer = DevelopmentHost.TokenIssuer;
    public const string DefaultAudience = DevelopmentHost.DefaultAudience;

    private SandboxSigningKey(byte[] key) => Key = key;

    public ReadOnlyMemory<byte> Key { get; }

    public static SandboxSigningKey Create() => new(RandomNumberGenerator.GetBytes(32));
}
