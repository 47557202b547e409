using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;

namespace NcrsGateway.Immunisations.Tests;

/// <summary>Internal immunisation events for the FHIR output tests (fictional data).</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Retrieved = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly Provenance Provenance = new("immunisation", Retrieved, "3", Retrieved, ShowWithoutRefresh: true);
    public static readonly NhsNumber Patient = NhsNumber.TryParse("9000000009", out var n) ? n : throw new InvalidOperationException();

    public static ImmunisationEvent Full(string id = "imm-1", string occurrence = "2021-01-14T10:20:00+00:00") => new(
        id,
        Patient,
        ImmunisationStatus.Completed,
        new CodedConcept(CodedConcept.Snomed, "1119349007", "SARS-CoV-2 mRNA vaccine"),
        occurrence,
        Recorded<IReadOnlyList<CodedConcept>>.Present([new CodedConcept(CodedConcept.Snomed, "840539006", "COVID-19")], Provenance),
        Recorded<string>.Present("2", Provenance),
        Recorded<PerformingOrganisation>.Present(new PerformingOrganisation("XTS02", "Test Surgery"), Provenance),
        Recorded<VaccinationLocation>.Present(new VaccinationLocation(ImmunisationCodeSystems.Ods, "XTS01"), Provenance),
        Recorded<VaccineBatch>.Present(new VaccineBatch("LOT-42", "2021-04-30"), Provenance),
        Recorded<CodedConcept>.Present(new CodedConcept(CodedConcept.Snomed, "368208006", "Left upper arm structure"), Provenance),
        Recorded<CodedConcept>.Present(new CodedConcept(CodedConcept.Snomed, "78421000", "Intramuscular route"), Provenance),
        Recorded<string>.Present("2021-01-15", Provenance),
        Provenance);

    public static ImmunisationEvent Sparse(ElementState performerAndLocation) => Full() with
    {
        TargetDiseases = Recorded<IReadOnlyList<CodedConcept>>.Absent(ElementState.NotRecorded, Provenance),
        DoseNumber = Recorded<string>.Absent(ElementState.NotRecorded, Provenance),
        Performer = Recorded<PerformingOrganisation>.Absent(performerAndLocation, Provenance),
        Location = Recorded<VaccinationLocation>.Absent(performerAndLocation, Provenance),
        Batch = Recorded<VaccineBatch>.Absent(ElementState.NotRecorded, Provenance),
        Site = Recorded<CodedConcept>.Absent(ElementState.NotRecorded, Provenance),
        Route = Recorded<CodedConcept>.Absent(ElementState.NotRecorded, Provenance),
        RecordedDate = Recorded<string>.Absent(ElementState.NotRecorded, Provenance),
    };
}
