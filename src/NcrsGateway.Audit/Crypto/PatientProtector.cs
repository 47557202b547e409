using System.Security.Cryptography;
using System.Text;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Audit.Crypto;

/// <summary>
/// Encrypts NHS numbers for storage (AES-256-GCM, random 96-bit nonce, the row id as associated data so a
/// ciphertext cannot be moved to another row) and computes the keyed hash (HMAC-SHA256) used to search.
/// Blob layout: version byte | nonce (12) | tag (16) | ciphertext. Version 1 holds one NHS number (10 bytes), as
/// every row did before rows could name several patients; version 2 holds several, space-separated. A row naming one
/// patient is still written as version 1, so an older gateway can read it.
/// </summary>
internal sealed class PatientProtector(AuditKeys keys) : IPatientProtector
{
    private const byte Single = 1;
    private const byte Several = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Encrypt(IReadOnlyList<NhsNumber> patients, Guid rowId)
    {
        if (patients.Count == 0)
        {
            throw new ArgumentException("At least one patient is needed.", nameof(patients));
        }

        var plain = Encoding.ASCII.GetBytes(string.Join(' ', patients.Select(p => p.Value)));
        var blob = new byte[1 + NonceSize + TagSize + plain.Length];
        blob[0] = patients.Count == 1 ? Single : Several;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), rowId.ToByteArray());
        return blob;
    }

    public IReadOnlyList<NhsNumber> Decrypt(byte[] blob, Guid rowId)
    {
        if (blob.Length <= 1 + NonceSize + TagSize || blob[0] is not (Single or Several))
        {
            throw new CryptographicException("Unknown audit ciphertext format.");
        }

        var plain = new byte[blob.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain, rowId.ToByteArray());
        var values = Encoding.ASCII.GetString(plain).Split(' ');
        if (blob[0] == Single && values.Length != 1)
        {
            throw new CryptographicException("Decrypted audit patient is not an NHS number.");
        }

        return [.. values.Select(v => NhsNumber.TryParse(v, out var nhsNumber)
            ? nhsNumber
            : throw new CryptographicException("Decrypted audit patient is not an NHS number."))];
    }

    /// <summary>One patient (the events inbox): the single-patient layout, as version 1 rows.</summary>
    byte[] IPatientProtector.Encrypt(NhsNumber patient, Guid rowId) => Encrypt([patient], rowId);

    NhsNumber IPatientProtector.Decrypt(byte[] blob, Guid rowId) =>
        Decrypt(blob, rowId) is [var patient] ? patient : throw new CryptographicException("The ciphertext names more than one patient.");

    public byte[] Hash(NhsNumber patient) =>
        HMACSHA256.HashData(keys.HashKey, Encoding.ASCII.GetBytes(patient.Value));
}
