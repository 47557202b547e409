namespace NcrsGateway.Core.Model;

/// <summary>
/// A National Record Locator pointer: where a record about the patient is held and how to fetch it.
/// The gateway never holds the record itself.
/// </summary>
/// <param name="Id">Stable pointer id, <c>&lt;custodian ODS&gt;-&lt;local id&gt;</c>.</param>
/// <param name="Replaces">Id of the pointer this one supersedes, when it supersedes one.</param>
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
    Provenance Provenance);
