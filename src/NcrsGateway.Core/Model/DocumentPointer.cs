namespace NcrsGateway.Core.Model;

/// <summary>
/// A National Record Locator pointer: where a record about the patient is held and how to fetch it.
/// The gateway never holds the record itself.
/// </summary>
/// <param name="Id">Stable pointer id, <c>&lt;custodian ODS&gt;-&lt;local id&gt;</c>.</param>
/// <param name="Replaces">Id of the pointer this one supersedes, when it supersedes one.</param>
/// <param name="Confidentiality">The pointer's security labels (v3-Confidentiality and any others), exactly as NRL gives them.</param>
/// <param name="Description">The custodian's description of the record.</param>
/// <param name="DocStatus">Whether the record itself is preliminary, final, amended or entered in error (none when NRL does not say).</param>
/// <param name="Context">Clinical context of the record (practice setting, facility type, events, period).</param>
public sealed record DocumentPointer(
    string Id,
    NhsNumber Patient,
    CodedConcept Type,
    CodedConcept? Category,
    string CustodianOds,
    PointerAuthor? Author,
    DateTimeOffset? Created,
    DateTimeOffset? Updated,
    PointerStatus Status,
    IReadOnlyList<DocumentContent> Content,
    string? Replaces,
    PointerConfidentiality Confidentiality,
    string? Description,
    DocumentStatus? DocStatus,
    PointerContext? Context,
    Provenance Provenance);
