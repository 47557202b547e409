namespace NcrsGateway.Core.Ports;

/// <summary>
/// How NHS numbers are kept at rest, one mechanism for every store (the audit trail's keys): a keyed hash
/// (HMAC-SHA256) to find rows about a patient without storing the number, and authenticated encryption bound to the
/// row's id so a ciphertext cannot be moved to another row. Registered by the audit trail.
/// </summary>
public interface IPatientProtector
{
    /// <summary>The searchable keyed hash of <paramref name="patient"/> (same input, same hash).</summary>
    byte[] Hash(NhsNumber patient);

    /// <summary>Encrypts <paramref name="patient"/> for the row <paramref name="rowId"/>.</summary>
    byte[] Encrypt(NhsNumber patient, Guid rowId);

    /// <summary>Decrypts a blob made by <see cref="Encrypt"/> for the same row; throws if it was tampered with or moved.</summary>
    NhsNumber Decrypt(byte[] blob, Guid rowId);
}
