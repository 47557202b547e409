using Hl7.Fhir.Model;
using NcrsGateway.Adapters.Pds;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Pds.Tests;

public sealed class PdsMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Patient Wire(string id, string confidentiality = "U") => new()
    {
        Id = id,
        Meta = new Meta { VersionId = "7", Security = [new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", confidentiality)] },
        Identifier = [new Identifier(NhsNumber.System, id)],
        Name = [new HumanName { Family = "Okafor", Given = ["Ada"], Use = HumanName.NameUse.Usual }],
        Gender = AdministrativeGender.Female,
        BirthDate = "1990-02-03",
    };

    private static NhsNumber N(string s) => NhsNumber.TryParse(s, out var n) ? n : throw new ArgumentException(s);

    [Fact]
    public void Map_RestrictedRecordWithoutAddress_MarksAddressTelecomAndGpWithheld()
    {
        var record = PdsMapper.Map(Wire("9434765919", "R"), N("9434765919"), null, Now);

        Assert.Equal(Sensitivity.Restricted, record.Sensitivity);
        Assert.Equal(ElementState.Withheld, record.Attributes.Addresses.State);
        Assert.Equal(ElementState.Withheld, record.Attributes.Telecom.State);
        Assert.Equal(ElementState.Withheld, record.Attributes.GeneralPractitioner.State);
    }

    [Fact]
    public void Map_UnrestrictedRecordWithoutAddress_MarksAddressNotRecorded()
    {
        var record = PdsMapper.Map(Wire("9434765919"), N("9434765919"), null, Now);

        Assert.Equal(ElementState.NotRecorded, record.Attributes.Addresses.State);
        Assert.Equal(ElementState.NotRecorded, record.Attributes.Deceased.State);
    }

    [Fact]
    public void Map_RecordUnderADifferentNumber_ListsTheRequestedNumberAsSuperseded()
    {
        var record = PdsMapper.Map(Wire("9434765919"), N("9000000009"), null, Now);

        Assert.Equal("9434765919", record.Identity.NhsNumber.Value);
        Assert.Equal("9000000009", Assert.Single(record.Identity.SupersededNumbers).Value);
        Assert.True(record.Identity.IsSuperseded(N("9000000009")));
    }

    [Fact]
    public void Map_EveryElement_CarriesPdsProvenanceWithVersionAndRetrievalTime()
    {
        var record = PdsMapper.Map(Wire("9434765919"), N("9434765919"), null, Now);

        foreach (var provenance in new[] { record.Attributes.Names.Provenance, record.Attributes.BirthDate.Provenance, record.Identity.Provenance })
        {
            Assert.Equal(SourceServices.Pds, provenance.Source);
            Assert.Equal("7", provenance.UpstreamVersion);
            Assert.Equal(Now, provenance.RetrievedAt);
        }
    }

    [Fact]
    public void Map_DeceasedWithNotificationStatus_KeepsDateAndStatus()
    {
        var wire = Wire("9434765919");
        wire.Deceased = new FhirDateTime("2024-01-02T03:04:05+00:00");
        var ext = new Extension { Url = PdsMapper.DeathNotificationUrl };
        ext.AddExtension("deathNotificationStatus", new CodeableConcept("https://fhir.hl7.org.uk/CodeSystem/UKCore-DeathNotificationStatus", "2"));
        wire.Extension.Add(ext);

        var deceased = PdsMapper.Map(wire, null, null, Now).Attributes.Deceased;

        Assert.True(deceased.Value!.IsFormal);
        Assert.Equal("2024-01-02T03:04:05+00:00", deceased.Value.DateTime);
    }

    [Fact]
    public void Map_RecordWithInvalidId_IsRefusedAsAnUpstreamError()
    {
        var error = Assert.Throws<GatewayException>(() => PdsMapper.Map(Wire("1234567890"), null, null, Now));
        Assert.Equal(GatewayErrors.UpstreamError, error.Error);
    }
}
