namespace NcrsGateway.Core.Model;

/// <summary>
/// What never changes for a record: its current NHS number, and any numbers that were merged into it.
/// </summary>
/// <param name="NhsNumber">The current (surviving) NHS number.</param>
/// <param name="SupersededNumbers">Numbers the caller used that now resolve to this record.</param>
/// <param name="VerificationStatus">UK Core NHS number verification status code (01 = present and verified).</param>
public sealed record PatientIdentity(
    NhsNumber NhsNumber,
    IReadOnlyList<NhsNumber> SupersededNumbers,
    string? VerificationStatus,
    Provenance Provenance)
{
    public bool IsSuperseded(NhsNumber requested) => requested != NhsNumber;
}
