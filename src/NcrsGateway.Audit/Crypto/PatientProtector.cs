using System.Security.Cryptography;
using System.Text;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Audit.Crypto;

/// <summary>
/// Encrypts NHS numbers for storage (AES-256-GCM, random 96-bit nonce, the row id as associated data so a
/// ciphertext cannot be moved to another row) and computes the keyed hash (HMAC-SHA256) used to search.
/// Blob layout: version byte (1) | nonce (12) | tag (16) | ciphertext (10).
/// </summary>
internal sealed class PatientProtector(AuditKeys keys) : IPatientProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Encrypt(NhsNumber patient, Guid rowId)
    {
        var plain = Encoding.ASCII.GetBytes(patient.Value);
        var blob = new byte[1 + NonceSize + TagSize + plain.Length];
        blob[0] = Version;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), rowId.ToByteArray());
        return blob;
    }

    public NhsNumber Decrypt(byte[] blob, Guid rowId)
    {
        if (blob.Length <= 1 + NonceSize + TagSize || blob[0] != Version)
        {
            throw new CryptographicException("Unknown audit ciphertext format.");
        }

        var plain = new byte[blob.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain, rowId.ToByteArray());
        return NhsNumber.TryParse(Encoding.ASCII.GetString(plain), out var nhsNumber)
            ? nhsNumber
            : throw new CryptographicException("Decrypted audit patient is not an NHS number.");
    }

    public byte[] Hash(NhsNumber patient) =>
        HMACSHA256.HashData(keys.HashKey, Encoding.ASCII.GetBytes(patient.Value));
}
