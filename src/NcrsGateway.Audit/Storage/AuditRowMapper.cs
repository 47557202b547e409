using NcrsGateway.Audit.Crypto;
using NcrsGateway.Core.Audit;

namespace NcrsGateway.Audit.Storage;

/// <summary>Record ⇄ row: encrypts and hashes the patient on the way in, decrypts on the way out.</summary>
internal sealed class AuditRowMapper(PatientProtector protector)
{
    public AuditRow ToRow(AuditRecord r)
    {
        byte[][]? hashes = r.Patient is null ? null : [.. r.Patients.Select(protector.Hash)]; // the first patient's is also the row's own
        return new(
            r.Id,
            Truncate(r.Recorded),
            r.Action,
            AuditCodes.Of(r.Outcome),
            r.FailureCategory is { } c ? AuditCodes.Of(c) : null,
            r.FailureCode,
            r.UserId,
            r.UserRole,
            r.OrganisationOds,
            r.WorkstationId,
            r.ClientApp,
            r.OriginFeature,
            r.EncounterId,
            r.Patient is null ? null : protector.Encrypt([.. r.Patients], r.Id),
            hashes?[0],
            r.CorrelationId,
            r.Detail)
        {
            PatientHashes = hashes,
        };
    }

    public AuditRecord ToRecord(AuditRow r)
    {
        var patients = r.PatientCipher is { } blob ? protector.Decrypt(blob, r.Id) : [];
        return new AuditRecord(
            r.Id,
            r.Recorded,
            r.Action,
            AuditCodes.Outcome(r.Outcome),
            r.FailureCategory is { } c ? AuditCodes.Category(c) : null,
            r.FailureCode,
            r.UserId,
            r.UserRole,
            r.OrganisationOds,
            r.WorkstationId,
            r.ClientApp,
            r.OriginFeature,
            r.EncounterId,
            patients.Count > 0 ? patients[0] : null,
            r.CorrelationId,
            r.Detail)
        {
            OtherPatients = [.. patients.Skip(1)],
        };
    }

    /// <summary>Whole microseconds, UTC: PostgreSQL keeps no more, and both stores must agree.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
