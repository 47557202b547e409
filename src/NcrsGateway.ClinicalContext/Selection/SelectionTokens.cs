using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>Opaque selection tokens: 32 random bytes, base64url; stored only as their SHA-256.</summary>
internal static class SelectionTokens
{
    public const int MaxLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
