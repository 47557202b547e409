namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>A stored selection: its token (given to the caller once), when it expires, and the patient it names.</summary>
internal sealed record SelectionResult(string Token, DateTimeOffset ExpiresAt, NationalPatient Patient);
