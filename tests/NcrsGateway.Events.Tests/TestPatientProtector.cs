using System.Security.Cryptography;
using System.Text;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Events.Tests;

/// <summary>
/// An <see cref="IPatientProtector"/> with the same construction as the audit trail's (HMAC-SHA256 hash, AES-256-GCM
/// bound to the row id) and throwaway keys, so inbox tests need no audit trail.
/// </summary>
internal sealed class TestPatientProtector : IPatientProtector
{
    private readonly byte[] _hashKey = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _encryptionKey = RandomNumberGenerator.GetBytes(32);

    public byte[] Hash(NhsNumber patient) => HMACSHA256.HashData(_hashKey, Encoding.ASCII.GetBytes(patient.Value));

    public byte[] Encrypt(NhsNumber patient, Guid rowId)
    {
        var plain = Encoding.ASCII.GetBytes(patient.Value);
        var blob = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(blob.AsSpan(0, 12));
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(blob.AsSpan(0, 12), plain, blob.AsSpan(28), blob.AsSpan(12, 16), rowId.ToByteArray());
        return blob;
    }

    public NhsNumber Decrypt(byte[] blob, Guid rowId)
    {
        var plain = new byte[blob.Length - 28];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(28), blob.AsSpan(12, 16), plain, rowId.ToByteArray());
        return NhsNumber.TryParse(Encoding.ASCII.GetString(plain), out var n) ? n : throw new CryptographicException("Not an NHS number.");
    }
}
