using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary><c>$verify</c>: field-by-field comparison with the national record; never writes, never picks.</summary>
public sealed class DemographicVerificationTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    [Fact]
    public async Task Verify_RestrictedPatientWithDifferingName_ReportsMatchDiffersAndWithheld()
    {
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, "ws-verify");
        var local = LocalPatient(SandboxPatients.Restricted, family: "Ramen", given: ["priya"], birthDate: "1988-12-02", postcode: "LS1 4AP", gp: "B82005");
        local.Gender = AdministrativeGender.Female;

        var answer = await clinician.VerifyAsync(ClinicalContextClient.Body(local));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var fields = Fields(answer);
        Assert.Equal("match", fields["nhsNumber"].Status);
        Assert.Equal(("differs", "Raman", "Ramen"), (fields["name.family"].Status, fields["name.family"].National, fields["name.family"].Local));
        Assert.Equal("match", fields["name.given"].Status);
        Assert.Equal("match", fields["birthDate"].Status);
        Assert.Equal("match", fields["gender"].Status);
        Assert.Equal(("withheld", null), (fields["address.postalCode"].Status, fields["address.postalCode"].National));
        Assert.Equal("withheld", fields["generalPractitioner"].Status);
        Assert.Equal("match", fields["deceased"].Status);
        Assert.All(fields.Values, f => Assert.Equal("pds", f.Source));
        Assert.Equal("2", fields["name.family"].Version);
    }

    [Fact]
    public async Task Verify_IgnoresCaseAndSpacingInNamesAndPostcodes_AndReportsMissingFields()
    {
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, "ws-verify");
        var local = LocalPatient(SandboxPatients.Search, family: "  ashWORTH ", given: ["eleanor", " Margaret"], birthDate: null, postcode: "hg14qt", gp: null);
        local.Address[0].Line = ["14  Millbrook Road", "Harrogate", "North Yorkshire"];
        local.Deceased = new FhirBoolean(false);

        var fields = Fields(await clinician.VerifyAsync(ClinicalContextClient.Body(new Parameters { Parameter = [new() { Name = "patient", Resource = local }] })));

        Assert.Equal("match", fields["name.family"].Status);
        Assert.Equal("match", fields["name.given"].Status);
        Assert.Equal("match", fields["address.postalCode"].Status);
        Assert.Equal("match", fields["address.line"].Status);
        Assert.Equal("missing-locally", fields["birthDate"].Status);
        Assert.Equal(("missing-locally", "B82005"), (fields["generalPractitioner"].Status, fields["generalPractitioner"].National));
        Assert.Equal("missing-locally", fields["gender"].Status);
    }

    [Fact]
    public async Task Verify_SupersededNumber_MarksIdentifierDiffersWithoutSwitching()
    {
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, "ws-verify");
        var local = LocalPatient(SandboxPatients.SupersededOld, family: "Ashworth", given: ["Eleanor"], birthDate: "1968-04-17", postcode: null, gp: null);

        var answer = await clinician.VerifyAsync(ClinicalContextClient.Body(local));

        var fields = Fields(answer);
        Assert.Equal(("differs", SandboxPatients.Search, SandboxPatients.SupersededOld), (fields["nhsNumber"].Status, fields["nhsNumber"].National, fields["nhsNumber"].Local));
        Assert.Equal(SandboxPatients.SupersededOld, answer.Value("nhsNumber"));
        Assert.Equal(SandboxPatients.Search, answer.Value("currentNhsNumber"));
        Assert.NotNull(answer.Value("notice"));
        Assert.Equal($"Patient/{SandboxPatients.Search}", answer.Value("replacedBy")); // as a read of the old number links it
    }

    [Fact]
    public async Task Verify_DeceasedPatientRecordedAliveLocally_ReportsMissingLocally()
    {
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, "ws-verify");
        var local = LocalPatient(SandboxPatients.Deceased, family: "Pemberton", given: ["Harold", "Arthur"], birthDate: "1931-02-11", postcode: "LS5 3QD", gp: "B86011");

        var fields = Fields(await clinician.VerifyAsync(ClinicalContextClient.Body(local)));

        Assert.Equal("missing-locally", fields["deceased"].Status);
        Assert.Equal("match", fields["generalPractitioner"].Status);
    }

    [Fact]
    public async Task Verify_ByReader_IsAllowed()
    {
        using var reader = new ClinicalContextClient(fixture.Host, TestTokens.Reader, "ws-verify-reader");
        var answer = await reader.VerifyAsync(ClinicalContextClient.Body(LocalPatient(SandboxPatients.Minimal, "x", [], null, null, null)));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData(SandboxPatients.BadCheckDigit)]
    [InlineData("900000000")]
    [InlineData("0000000000")]
    public async Task Verify_InvalidNhsNumber_Returns400WithoutUpstreamCall(string nhsNumber)
    {
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, "ws-verify");
        var calls = fixture.UpstreamCalls;

        var answer = await clinician.VerifyAsync(ClinicalContextClient.Body(LocalPatient(nhsNumber, "Smith", [], null, null, null)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid-nhs-number", answer.ErrorCode);
        Assert.Equal(calls, fixture.UpstreamCalls);
    }

    [Fact]
    public async Task Verify_WithoutNhsNumber_Returns400()
    {
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, "ws-verify");
        var answer = await clinician.VerifyAsync(ClinicalContextClient.Body(new Patient { Name = [new HumanName { Family = "Smith" }] }));
        Assert.Equal(("invalid-request", HttpStatusCode.BadRequest), (answer.ErrorCode, answer.Status));
    }

    private static Patient LocalPatient(string nhsNumber, string family, string[] given, string? birthDate, string? postcode, string? gp)
    {
        var patient = new Patient
        {
            Identifier = [new Identifier(NhsNumber.System, nhsNumber)],
            Name = [new HumanName { Use = HumanName.NameUse.Usual, Family = family, Given = given }],
            BirthDate = birthDate,
        };
        if (postcode is not null)
        {
            patient.Address.Add(new Address { Use = Address.AddressUse.Home, PostalCode = postcode });
        }

        if (gp is not null)
        {
            patient.GeneralPractitioner.Add(new ResourceReference { Identifier = new Identifier("https://fhir.nhs.uk/Id/ods-organization-code", gp) });
        }

        return patient;
    }

    private static Dictionary<string, (string Status, string? National, string? Local, string? Source, string? Version)> Fields(ClinicalContextClient.Answer answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var parameters = Assert.IsType<Parameters>(answer.Resource);
        return parameters.Parameter.Where(p => p.Name == "field").ToDictionary(
            p => ((Code)Part(p, "field")!.Value!).Value!,
            p =>
            {
                var provenance = Part(p, "provenance")!;
                return (
                    ((Coding)Part(p, "status")!.Value!).Code!,
                    (Part(p, "nationalValue")?.Value as FhirString)?.Value,
                    (Part(p, "localValue")?.Value as FhirString)?.Value,
                    (Part(provenance, "source")?.Value as Code)?.Value,
                    (Part(provenance, "version")?.Value as FhirString)?.Value);
            });
    }

    private static Parameters.ParameterComponent? Part(Parameters.ParameterComponent parent, string name) =>
        parent.Part.FirstOrDefault(p => p.Name == name);
}
