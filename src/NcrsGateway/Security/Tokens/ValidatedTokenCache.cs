using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace NcrsGateway.Security.Tokens;

/// <summary>
/// Bearer tokens this instance has already validated, keyed by a SHA-256 hash of the token (the token itself is never
/// kept), so a caller's next request skips parsing and signature checks. An entry is used only until the token's
/// <c>exp</c> (never longer, whatever the clock skew allows) and only while the key that signed it is still one of the
/// keys the gateway accepts: a rotated or removed signing key sends every token back through full validation.
/// Bounded: when full, expired entries are dropped and, if it is still full, nothing more is added.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time, int capacity = ValidatedTokenCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<TokenHash, Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The earlier validation of <paramref name="token"/>, if it may still be used with <paramref name="parameters"/>.</summary>
    public TokenValidationResult? Find(string token, TokenValidationParameters parameters)
    {
        if (!_entries.TryGetValue(TokenHash.Of(token), out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() >= entry.Expires || !SignedByAcceptedKey(entry.SigningKey, parameters))
        {
            _entries.TryRemove(TokenHash.Of(token), out _);
            return null;
        }

        return new TokenValidationResult
        {
            IsValid = true,
            SecurityToken = entry.Token,
            ClaimsIdentity = entry.Identity.Clone(), // each request gets its own identity: events may replace or extend it
            Issuer = entry.Issuer,
            TokenType = entry.TokenType,
        };
    }

    /// <summary>Remembers a successful validation until the token's <c>exp</c>; tokens without one, or unsigned, are not kept.</summary>
    public void Add(string token, TokenValidationResult result)
    {
        if (!result.IsValid || result.SecurityToken is not { SigningKey: { } key } securityToken || result.ClaimsIdentity is not { } identity
            || securityToken.ValidTo == DateTime.MinValue)
        {
            return;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
        var now = time.GetUtcNow();
        if (expires <= now)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            foreach (var (hash, old) in _entries)
            {
                if (old.Expires <= now)
                {
                    _entries.TryRemove(hash, out _);
                }
            }

            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[TokenHash.Of(token)] = new Entry(securityToken, key, identity.Clone(), result.Issuer, result.TokenType, expires);
    }

    /// <summary>The key that signed the token is (by identity, not by value) still one the parameters accept.</summary>
    private static bool SignedByAcceptedKey(SecurityKey key, TokenValidationParameters parameters)
    {
        if (ReferenceEquals(parameters.IssuerSigningKey, key))
        {
            return true;
        }

        if (parameters.IssuerSigningKeys is { } keys)
        {
            foreach (var accepted in keys)
            {
                if (ReferenceEquals(accepted, key))
                {
                    return true;
                }
            }
        }

        // Keys from an OIDC authority: the configuration manager's current (cached) document; a refresh that rotated
        // the keys yields new key objects, so tokens are validated afresh against them.
        if (parameters.ConfigurationManager is { } manager
            && manager.GetBaseConfigurationAsync(CancellationToken.None) is { IsCompletedSuccessfully: true } current
            && current.Result?.SigningKeys is { } published)
        {
            foreach (var accepted in published)
            {
                if (ReferenceEquals(accepted, key))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record Entry(SecurityToken Token, SecurityKey SigningKey, ClaimsIdentity Identity, string? Issuer, string? TokenType, DateTimeOffset Expires);

    /// <summary>SHA-256 of the token's UTF-8 bytes, all 256 bits.</summary>
    private readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static TokenHash Of(string token)
        {
            var length = Encoding.UTF8.GetMaxByteCount(token.Length);
            var rented = length > 4096 ? ArrayPool<byte>.Shared.Rent(length) : null;
            try
            {
                Span<byte> bytes = rented ?? stackalloc byte[length];
                var written = Encoding.UTF8.GetBytes(token, bytes);
                Span<byte> hash = stackalloc byte[32];
                SHA256.HashData(bytes[..written], hash);
                return new TokenHash(
                    BitConverter.ToUInt64(hash[..8]),
                    BitConverter.ToUInt64(hash[8..16]),
                    BitConverter.ToUInt64(hash[16..24]),
                    BitConverter.ToUInt64(hash[24..]));
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }
}
