namespace NcrsGateway.Audit.Crypto;

/// <summary>The two 32-byte keys of the audit trail: one encrypts NHS numbers, the other hashes them for search.</summary>
internal sealed class AuditKeys
{
    public const int KeyBytes = 32;

    public AuditKeys(byte[] encryptionKey, byte[] hashKey)
    {
        if (encryptionKey.Length != KeyBytes || hashKey.Length != KeyBytes)
        {
            throw new ArgumentException($"Audit keys must be {KeyBytes} bytes.");
        }

        EncryptionKey = encryptionKey;
        HashKey = hashKey;
    }

    public byte[] EncryptionKey { get; }

    public byte[] HashKey { get; }

    public static bool IsValidKey(string? base64)
    {
        if (base64 is null)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written == KeyBytes;
    }

    public static AuditKeys FromBase64(string encryptionKey, string hashKey) =>
        new(Convert.FromBase64String(encryptionKey), Convert.FromBase64String(hashKey));

    public static AuditKeys Generate() =>
        new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyBytes), System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyBytes));
}
