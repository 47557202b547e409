namespace NcrsGateway.Core.Security;

/// <summary>
/// The one rule every configured secret key passes at start (the authentication signing key, the audit keys, the cache
/// key-hash secret): long enough, and not obviously made by hand. All bytes the same, a handful of different values
/// (<c>abababab…</c>) or a counting sequence (<c>00 01 02 …</c>) is not a secret, whatever its length. Thirty-two bytes
/// from a random generator have about thirty different values; fewer than <see cref="MinimumDistinctBytes"/> never occur.
/// </summary>
public static class KeyMaterial
{
    /// <summary>The shortest key accepted: 32 bytes (256 bits).</summary>
    public const int MinimumBytes = 32;

    /// <summary>The fewest different byte values a key may hold.</summary>
    public const int MinimumDistinctBytes = 10;

    /// <summary>How to make a key that passes, for error messages.</summary>
    public const string HowToGenerate = "generate one with a random generator, e.g. openssl rand -base64 32";

    /// <summary>Why <paramref name="key"/> is refused, as words that follow the setting's name; null when it is acceptable.</summary>
    /// <param name="key">The key's bytes (decoded from base64, or the UTF-8 of a text secret).</param>
    /// <param name="minimumBytes">The shortest length this purpose accepts (at least <see cref="MinimumBytes"/>).</param>
    public static string? Weakness(ReadOnlySpan<byte> key, int minimumBytes = MinimumBytes)
    {
        if (key.Length < minimumBytes)
        {
            return $"must be at least {minimumBytes} bytes: {HowToGenerate}";
        }

        Span<bool> seen = stackalloc bool[256];
        var distinct = 0;
        foreach (var b in key)
        {
            if (!seen[b])
            {
                seen[b] = true;
                distinct++;
            }
        }

        if (distinct < MinimumDistinctBytes)
        {
            return $"is not random enough to be a secret (only {distinct} different byte values, e.g. all zeros or a repeated pattern): {HowToGenerate}";
        }

        return IsCountingSequence(key) ? $"is a counting sequence, not a secret: {HowToGenerate}" : null;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same key material (byte for byte).</summary>
    public static bool SameKey(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.Length > 0 && a.SequenceEqual(b);

    /// <summary>Every byte the previous plus the same step (mod 256): 00 01 02 …, or 'a' 'b' 'c' ….</summary>
    private static bool IsCountingSequence(ReadOnlySpan<byte> key)
    {
        var step = (byte)(key[1] - key[0]);
        for (var i = 2; i < key.Length; i++)
        {
            if ((byte)(key[i] - key[i - 1]) != step)
            {
                return false;
            }
        }

        return true;
    }
}
