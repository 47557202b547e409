using Hl7.Fhir.Model;
using NcrsGateway.ClinicalContext.Verification;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.ClinicalContext.Tests.Verification;

public sealed class DemographicComparerTests
{
    // FieldStatus is internal: theory rows name it (nameof), so the public test methods take a string.
    private static readonly NhsNumber Given = Nhs("9000000009");
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly Provenance Pds = new("pds", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero), "3", null, ShowWithoutRefresh: true);

    [Theory]
    [InlineData("Smith", "Smith", nameof(FieldStatus.Match))]
    [InlineData("Smith", "  sMITH ", nameof(FieldStatus.Match))]
    [InlineData("Van  Der Berg", "van der berg", nameof(FieldStatus.Match))]
    [InlineData("Smith", "Smyth", nameof(FieldStatus.Differs))]
    [InlineData("Smith", null, nameof(FieldStatus.MissingLocally))]
    [InlineData(null, "Smith", nameof(FieldStatus.MissingNationally))]
    [InlineData(null, "   ", nameof(FieldStatus.Match))]
    public void Compare_FamilyName_IgnoresCaseAndSpacing(string? national, string? local, string expected)
    {
        var record = National(names: [Name("usual", national)]);
        var patient = Local(family: local);

        Assert.Equal(Enum.Parse<FieldStatus>(expected), Field(DemographicComparer.Compare(Given, patient, record, Today), "name.family").Status);
    }

    [Theory]
    [InlineData("LS1 4HR", "ls14hr", nameof(FieldStatus.Match))]
    [InlineData("LS1 4HR", " LS1  4HR ", nameof(FieldStatus.Match))]
    [InlineData("LS1 4HR", "LS1 4HX", nameof(FieldStatus.Differs))]
    [InlineData("LS1 4HR", null, nameof(FieldStatus.MissingLocally))]
    public void Compare_Postcode_IgnoresSpacesAndCase(string national, string? local, string expected)
    {
        var record = National(addresses: [Address("home", national, period: null)]);
        var patient = Local(postcode: local);

        Assert.Equal(Enum.Parse<FieldStatus>(expected), Field(DemographicComparer.Compare(Given, patient, record, Today), "address.postalCode").Status);
    }

    [Theory]
    [InlineData("2025-05-31", null, nameof(FieldStatus.MissingNationally))] // ended yesterday
    [InlineData(null, "2025-06-02", nameof(FieldStatus.MissingNationally))] // begins tomorrow
    [InlineData("2025-06-01", null, nameof(FieldStatus.Match))] // ends today: still current
    [InlineData(null, null, nameof(FieldStatus.Match))] // open-ended
    public void Compare_NationalNameOutsideItsPeriod_IsNeverTakenForTheCurrentName(string? end, string? start, string expected)
    {
        var period = new ValidityPeriod(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var record = National(names: [Name("usual", "Smith", period)]);

        Assert.Equal(Enum.Parse<FieldStatus>(expected), Field(DemographicComparer.Compare(Given, Local(family: "Smith"), record, Today), "name.family").Status);
    }

    [Fact]
    public void Compare_WithheldAddress_IsWithheldAndShowsNoNationalValue()
    {
        var record = National(addressState: ElementState.Withheld);

        var postcode = Field(DemographicComparer.Compare(Given, Local(postcode: "LS1 4HR"), record, Today), "address.postalCode");

        Assert.Equal(FieldStatus.Withheld, postcode.Status);
        Assert.Null(postcode.NationalValue);
        Assert.Equal("LS1 4HR", postcode.LocalValue);
    }

    [Theory]
    [InlineData("9000000009", nameof(FieldStatus.Match))]
    [InlineData("9000000017", nameof(FieldStatus.Differs))] // the number given was superseded: the national record holds another
    public void Compare_NhsNumber_DiffersWhenTheNationalRecordHoldsAnother(string nationalNumber, string expected)
    {
        var record = National(nhsNumber: Nhs(nationalNumber));

        var field = Field(DemographicComparer.Compare(Given, Local(), record, Today), "nhsNumber");

        Assert.Equal(Enum.Parse<FieldStatus>(expected), field.Status);
        Assert.Equal(nationalNumber, field.NationalValue);
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00+00:00", "2024-03-01", nameof(FieldStatus.Match))] // compared by day
    [InlineData("2024-03-01T10:00:00+00:00", "2024-03-02", nameof(FieldStatus.Differs))]
    [InlineData("2024-03-01T10:00:00+00:00", "deceased", nameof(FieldStatus.Match))] // local deceased=true matches any national date
    [InlineData(null, "deceased", nameof(FieldStatus.MissingNationally))]
    public void Compare_Deceased_MatchesByDayOrByFlag(string? nationalDeath, string local, string expected)
    {
        var record = National(deceased: nationalDeath);
        var patient = Local();
        patient.Deceased = local == "deceased" ? new FhirBoolean(true) : new FhirDateTime(local);

        Assert.Equal(Enum.Parse<FieldStatus>(expected), Field(DemographicComparer.Compare(Given, patient, record, Today), "deceased").Status);
    }

    [Fact]
    public void Compare_UsualName_IsPreferredOverAnOldName()
    {
        var record = National(names: [Name("old", "Jones"), Name("usual", "Smith")]);

        var family = Field(DemographicComparer.Compare(Given, Local(family: "Smith"), record, Today), "name.family");

        Assert.Equal(FieldStatus.Match, family.Status);
        Assert.Equal("Smith", family.NationalValue);
    }

    [Fact]
    public void Compare_EveryField_CarriesTheNationalProvenance()
    {
        var fields = DemographicComparer.Compare(Given, Local(), National(names: [Name("usual", "Smith")]), Today);

        Assert.Equal(
            ["nhsNumber", "name.family", "name.given", "birthDate", "gender", "address.postalCode", "address.line", "generalPractitioner", "deceased"],
            fields.Select(f => f.Field));
        Assert.All(fields, f => Assert.Equal(Pds, f.Provenance));
    }

    private static FieldComparison Field(IReadOnlyList<FieldComparison> fields, string name) => Assert.Single(fields, f => f.Field == name);

    private static NhsNumber Nhs(string value) => NhsNumber.TryParse(value, out var n) ? n : throw new ArgumentException("Not a valid NHS number.", nameof(value));

    private static PatientName Name(string use, string? family, ValidityPeriod? period = null) => new(use, family, [], [], [], period);

    private static PatientAddress Address(string use, string postcode, ValidityPeriod? period) => new(use, ["1 High Street"], postcode, null, [], period);

    private static Patient Local(string? family = null, string? postcode = null)
    {
        var patient = new Patient();
        patient.Identifier.Add(new Identifier(NhsNumber.System, Given.Value));
        if (family is not null)
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = family });
        }

        if (postcode is not null)
        {
            patient.Address.Add(new Hl7.Fhir.Model.Address { Use = Hl7.Fhir.Model.Address.AddressUse.Home, PostalCode = postcode });
        }

        return patient;
    }

    private static PatientRecord National(
        NhsNumber? nhsNumber = null,
        IReadOnlyList<PatientName>? names = null,
        IReadOnlyList<PatientAddress>? addresses = null,
        ElementState addressState = ElementState.NotRecorded,
        string? deceased = null)
    {
        var attributes = new PatientAttributes(
            Recorded<IReadOnlyList<PatientName>>.From(names, ElementState.NotRecorded, Pds),
            Recorded<string>.Absent(ElementState.NotRecorded, Pds),
            Recorded<string>.Absent(ElementState.NotRecorded, Pds),
            Recorded<IReadOnlyList<PatientAddress>>.From(addresses, addressState, Pds),
            Recorded<IReadOnlyList<Core.Model.ContactPoint>>.Absent(ElementState.NotRecorded, Pds),
            Recorded<GeneralPractice>.Absent(ElementState.NotRecorded, Pds),
            Recorded<Deceased>.From(deceased is null ? null : new Deceased(deceased, null), ElementState.NotRecorded, Pds),
            new PatientCareAttributes(
                Recorded<IReadOnlyList<CommunicationNeed>>.Absent(ElementState.NotRecorded, Pds),
                Recorded<IReadOnlyList<PatientContact>>.Absent(ElementState.NotRecorded, Pds),
                Recorded<ContactPreference>.Absent(ElementState.NotRecorded, Pds),
                Recorded<OdsOrganisation>.Absent(ElementState.NotRecorded, Pds),
                Recorded<OdsOrganisation>.Absent(ElementState.NotRecorded, Pds),
                Recorded<OdsOrganisation>.Absent(ElementState.NotRecorded, Pds),
                Recorded<OdsOrganisation>.Absent(ElementState.NotRecorded, Pds),
                Recorded<BirthPlace>.Absent(ElementState.NotRecorded, Pds),
                Recorded<MultipleBirth>.Absent(ElementState.NotRecorded, Pds),
                Recorded<RegistrationRemoval>.Absent(ElementState.NotRecorded, Pds)));
        var identity = new PatientIdentity(nhsNumber ?? Given, [], null, Pds);
        return new PatientRecord(identity, attributes, Sensitivity.Unrestricted, Pds);
    }
}
