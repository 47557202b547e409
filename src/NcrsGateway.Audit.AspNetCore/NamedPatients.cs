using Hl7.Fhir.Model;
using NcrsGateway.Core;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// The patients a FHIR response names, in order: each Patient's current NHS number (not the superseded ones it lists as
/// <c>old</c>) and the record a superseded number is <c>replaced-by</c>, a DocumentReference's subject, an Immunization's patient; a Bundle's entries in turn. Only NHS numbers
/// (<c>https://fhir.nhs.uk/Id/nhs-number</c>) that pass the check digit count.
/// </summary>
internal static class NamedPatients
{
    public static IEnumerable<NhsNumber> Of(Resource? resource) => resource switch
    {
        Bundle bundle => bundle.Entry.SelectMany(e => Of(e.Resource)),
        Patient patient => Numbers(patient.Identifier.Where(i => i.Use != Identifier.IdentifierUse.Old)).Concat(ReplacedBy(patient)),
        DocumentReference pointer => Numbers([pointer.Subject?.Identifier]),
        Immunization immunization => Numbers([immunization.Patient?.Identifier]),
        _ => [],
    };

    /// <summary>A superseded number's Patient names the current record only by its <c>replaced-by</c> link.</summary>
    private static IEnumerable<NhsNumber> ReplacedBy(Patient patient)
    {
        foreach (var link in patient.Link)
        {
            var reference = link.Other?.Reference;
            if (link.Type == Patient.LinkType.ReplacedBy && reference is not null && reference.StartsWith("Patient/", StringComparison.Ordinal)
                && NhsNumber.TryParse(reference["Patient/".Length..], out var current))
            {
                yield return current;
            }
        }
    }

    private static IEnumerable<NhsNumber> Numbers(IEnumerable<Identifier?> identifiers)
    {
        foreach (var identifier in identifiers)
        {
            if (identifier?.System == NhsNumber.System && NhsNumber.TryParse(identifier.Value, out var nhsNumber))
            {
                yield return nhsNumber;
            }
        }
    }
}
