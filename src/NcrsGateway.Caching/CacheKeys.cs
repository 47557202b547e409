using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NcrsGateway.Core;

namespace NcrsGateway.Caching;

/// <summary>
/// Cache keys and tags. An NHS number never appears in one: it is replaced by a keyed hash (HMAC-SHA256 with
/// <see cref="CacheOptions.KeyHashSecret"/>), so a Redis dump reveals no identifiers.
/// </summary>
internal sealed class CacheKeys(IOptions<CacheOptions> options)
{
    private readonly byte[] _secret = options.Value.KeyHashSecret is { Length: > 0 } s
        ? Encoding.UTF8.GetBytes(s)
        : RandomNumberGenerator.GetBytes(32); // per-process: fine while the cache is per-process

    /// <summary>The tag on every entry about this patient: invalidating it evicts them all.</summary>
    public string PatientTag(NhsNumber nhsNumber) => "pt:" + Hash("nhs", nhsNumber.Value);

    /// <summary>
    /// An entry about one patient, stored under <paramref name="profile"/>: <c>{scope}:{hash}</c>, or
    /// <c>{scope}:{hash}:{query hash}</c> when <paramref name="discriminator"/> (the normalized rest of the query) is given.
    /// </summary>
    public CacheEntryKey ForPatient(string profile, string scope, NhsNumber nhsNumber, string? discriminator = null)
    {
        var hash = Hash("nhs", nhsNumber.Value);
        var key = discriminator is null ? $"{scope}:{hash}" : $"{scope}:{hash}:{Hash("q", discriminator)[..16]}";
        return new CacheEntryKey(key, profile, ["pt:" + hash]);
    }

    private string Hash(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(purpose + ":" + value)))[..32];
}
