using System.Security.Cryptography;
using NcrsGateway.Hosting;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// A random HMAC key and a random audience made at start, so the sandbox token issuer and the bearer handler agree
/// without any configured secret or audience. Neither leaves the process; both die with it. Tokens of the sandbox issuer
/// are signed only with it; the production host refuses that issuer.
/// </summary>
internal sealed class SandboxSigningKey
{
    /// <summary>The sandbox token issuer's <c>iss</c>: never configurable, never accepted by the production host.</summary>
    public const string Issuer = DevelopmentHost.TokenIssuer;
    private SandboxSigningKey(byte[] key, string audience)
    {
        Key = key;
        Audience = audience;
    }

    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>The <c>aud</c> of this process's tokens, e.g. <c>ncrs-gateway-sandbox-3f9c…</c>: no other gateway expects it.</summary>
    public string Audience { get; }

    public static SandboxSigningKey Create() =>
        new(RandomNumberGenerator.GetBytes(32), "ncrs-gateway-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
}
