namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// One explicit, confirmed patient selection. Keyed by the SHA-256 of its token: the token itself is given
/// to the caller once and never stored. <c>WorkstationId</c> is the caller's <see cref="CallerSession.WorkstationKey"/>.
/// </summary>
internal sealed record PatientSelection(
    string TokenHash,
    string UserId,
    string WorkstationId,
    string SessionId,
    string NhsNumber,
    string? VerifiedVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
