namespace NcrsGateway.Core.Model;

/// <summary>The clinical context NRL gives for a pointer's record (DocumentReference.context).</summary>
/// <param name="PracticeSetting">UK Core care setting type (for example "Adult mental health service").</param>
/// <param name="FacilityType">Kind of facility the record was made in.</param>
/// <param name="Events">The clinical events the record documents.</param>
public sealed record PointerContext(
    CodedConcept? PracticeSetting,
    CodedConcept? FacilityType,
    IReadOnlyList<CodedConcept> Events,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd);
