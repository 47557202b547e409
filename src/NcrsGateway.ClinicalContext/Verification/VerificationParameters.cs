using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;

namespace NcrsGateway.ClinicalContext.Verification;

/// <summary>
/// <c>$verify</c>'s output Parameters: the number asked about, the national record's current number and
/// version, then one <c>field</c> part per compared field (status, both values, provenance of the national one).
/// </summary>
internal static class VerificationParameters
{
    public const string StatusSystem = "https://ncrs-gateway.nhs.example/fhir/CodeSystem/demographic-match-status";

    public static Parameters Create(NhsNumber given, PatientRecord national, IReadOnlyList<FieldComparison> fields)
    {
        var result = new Parameters();
        result.Add("nhsNumber", new Identifier(NhsNumber.System, given.Value));
        result.Add("currentNhsNumber", new Identifier(NhsNumber.System, national.Identity.NhsNumber.Value));
        if (national.Provenance.UpstreamVersion is { } version)
        {
            result.Add("nationalVersion", new FhirString(version));
        }

        if (national.Identity.IsSuperseded(given))
        {
            result.Add("notice", new FhirString(
                "The NHS number given has been superseded: the national record now has a different current number. Nothing was changed. "
                + "Check with the patient and update the local record through your normal process before selecting this patient."));
            result.Add("replacedBy", ReplacedBy(national.Identity.NhsNumber));
        }

        foreach (var f in fields)
        {
            var component = new Parameters.ParameterComponent { Name = "field" };
            component.Part.Add(Part("field", new Code(f.Field)));
            component.Part.Add(Part("status", new Coding(StatusSystem, Code(f.Status))));
            if (f.NationalValue is not null)
            {
                component.Part.Add(Part("nationalValue", new FhirString(f.NationalValue)));
            }

            if (f.LocalValue is not null)
            {
                component.Part.Add(Part("localValue", new FhirString(f.LocalValue)));
            }

            component.Part.Add(Provenance(f.Provenance));
            result.Parameter.Add(component);
        }

        return result;
    }

    /// <summary>The current record, as a read of the superseded number links it (<c>Patient.link</c> of type replaced-by).</summary>
    public static ResourceReference ReplacedBy(NhsNumber current) =>
        new($"Patient/{current.Value}", "Current NHS number for this patient") { Identifier = new Identifier(NhsNumber.System, current.Value) };

    public static string Code(FieldStatus status) => status switch
    {
        FieldStatus.Match => "match",
        FieldStatus.Differs => "differs",
        FieldStatus.MissingLocally => "missing-locally",
        FieldStatus.MissingNationally => "missing-nationally",
        FieldStatus.Withheld => "withheld",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static Parameters.ParameterComponent Part(string name, DataType value) => new() { Name = name, Value = value };

    private static Parameters.ParameterComponent Provenance(Core.Model.Provenance p)
    {
        var component = new Parameters.ParameterComponent { Name = "provenance" };
        component.Part.Add(Part("source", new Code(p.Source)));
        component.Part.Add(Part("retrieved", new Instant(p.RetrievedAt)));
        if (p.UpstreamVersion is { } version)
        {
            component.Part.Add(Part("version", new FhirString(version)));
        }

        return component;
    }
}
