using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// Proves a delivery came from the configured sender: the shared secret in its header (compared in constant time,
/// over SHA-256 digests so the length leaks nothing either), or the HMAC-SHA256 of the exact body in the signature
/// header (<c>sha256=</c> then hex or base64). Either configured credential that matches is enough. Mutual TLS, when
/// used, is terminated in front of the gateway (docs/events.md).
/// </summary>
internal sealed class SenderAuthenticator
{
    private const string SignaturePrefix = "sha256=";

    private readonly EventsOptions _options;
    private readonly byte[]? _secretDigest;
    private readonly byte[]? _signingKey;

    public SenderAuthenticator(IOptions<EventsOptions> options)
    {
        _options = options.Value;
        _secretDigest = string.IsNullOrWhiteSpace(_options.SharedSecret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(_options.SharedSecret));
        _signingKey = string.IsNullOrWhiteSpace(_options.SigningKey) ? null : EventsOptionsRules.SigningKeyBytes(_options.SigningKey);
    }

    /// <summary>True when the shared secret alone proves the sender (checked before the body is read).</summary>
    public bool HasValidSecret(HttpRequest request)
    {
        if (_secretDigest is null || request.Headers[_options.SecretHeader] is not { Count: 1 } values || values[0] is not { Length: > 0 and <= 1024 } presented)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _secretDigest);
    }

    /// <summary>True when the signature header carries the HMAC of <paramref name="body"/> under the signing key.</summary>
    public bool HasValidSignature(HttpRequest request, ReadOnlySpan<byte> body)
    {
        if (_signingKey is null || request.Headers[_options.SignatureHeader] is not { Count: 1 } values || values[0] is not { Length: > 0 and <= 256 } header)
        {
            return false;
        }

        var presented = Decode(header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase) ? header[SignaturePrefix.Length..] : header);
        if (presented is null)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_signingKey, body);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>The signature header value a sender puts on <paramref name="body"/> (the sandbox uses it; so can tests).</summary>
    public static string Sign(byte[] key, ReadOnlySpan<byte> body) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    private static byte[]? Decode(string value)
    {
        if (value.Length == 64 && value.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(value);
        }

        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32 ? buffer[..written].ToArray() : null;
    }
}
