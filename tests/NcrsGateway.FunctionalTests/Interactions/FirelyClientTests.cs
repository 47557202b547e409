using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Interactions;

/// <summary>
/// Issue 16 item 7: a stock Firely <see cref="FhirClient"/> (Hl7.Fhir.R4) drives every interaction a new user would try,
/// with no custom handling beyond the bearer token on its HttpClient: paging with pageSize, POST search, summaries,
/// lenient search, conditional and superseded reads, every operation, documents and the audit trail.
/// </summary>
public sealed class FirelyClientTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number";
    private static readonly string[] Ashworths = ["family=Ashworth", "birthdate=ge1960-01-01", "birthdate=le2000-12-31"];

    [Fact]
    public async Task Search_WithPageSize_ContinuesThroughEveryPage()
    {
        using var client = Client();

        var page = await client.SearchAsync<Patient>(Ashworths, pageSize: 1);
        var ids = new List<string?>();
        while (page is not null)
        {
            Assert.Equal(2, page.Total);
            ids.AddRange(page.Entry.Select(e => e.Resource.Id));
            page = await client.ContinueAsync(page);
        }

        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task SearchUsingPost_FindsWhatTheGetSearchFinds()
    {
        using var client = Client();

        var viaGet = await client.SearchAsync<Patient>(Ashworths);
        var viaPost = await client.SearchUsingPostAsync<Patient>(Ashworths);

        Assert.Equal(viaGet!.Entry.Select(e => e.Resource.Id), viaPost!.Entry.Select(e => e.Resource.Id));
    }

    [Fact]
    public async Task Search_SummaryCount_GivesTheTotalOnly()
    {
        using var client = Client();

        var bundle = await client.SearchAsync<Patient>(Ashworths, summary: SummaryType.Count);

        Assert.Equal(2, bundle!.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public async Task Search_WithLenientHandling_IgnoresAnUnknownParameterAndSaysSo()
    {
        using var client = Client(new FhirClientSettings { PreferredFormat = ResourceFormat.Json, PreferredParameterHandling = SearchParameterHandling.Lenient });

        var bundle = await client.SearchAsync<Patient>([.. Ashworths, "colour=blue"]);

        Assert.Equal(2, bundle!.Entry.Count(e => e.Search.Mode == Bundle.SearchEntryMode.Match));
        Assert.IsType<OperationOutcome>(Assert.Single(bundle.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource);
    }

    [Fact]
    public async Task ConditionalRead_OfAnUnchangedPatient_AnswersNotModified()
    {
        using var client = Client();
        var patient = await client.ReadAsync<Patient>($"Patient/{SandboxPatients.Minimal}");
        Assert.NotNull(patient?.Meta?.VersionId);

        // Firely reports a 304 as FhirOperationException with Status NotModified: the caller keeps its copy.
        var byETag = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<Patient>($"Patient/{SandboxPatients.Minimal}", ifNoneMatch: $"W/\"{patient.Meta.VersionId}\""));
        var byDate = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<Patient>($"Patient/{SandboxPatients.Minimal}", ifModifiedSince: DateTimeOffset.UtcNow.AddMinutes(1)));
        var changed = await client.ReadAsync<Patient>($"Patient/{SandboxPatients.Minimal}", ifNoneMatch: "W/\"an-older-version\"");

        Assert.Equal((System.Net.HttpStatusCode.NotModified, System.Net.HttpStatusCode.NotModified), (byETag.Status, byDate.Status));
        Assert.Equal(SandboxPatients.Minimal, changed!.Id);
    }

    [Fact]
    public async Task Read_OfASupersededNumber_AnswersThatIdAndLinksTheCurrentRecord()
    {
        using var client = Client();

        var old = await client.ReadAsync<Patient>($"Patient/{SandboxPatients.SupersededOld}");
        var link = Assert.Single(old!.Link, l => l.Type == Patient.LinkType.ReplacedBy);
        var current = await client.ReadAsync<Patient>(link.Other.Reference);

        Assert.Equal(SandboxPatients.SupersededOld, old.Id);
        Assert.False(old.Active);
        Assert.Equal(link.Other.Reference, $"Patient/{current!.Id}");
        Assert.NotEqual(old.Id, current.Id);
    }

    [Fact]
    public async Task Read_WithSummary_AnswersATaggedSubset()
    {
        using var client = Client();

        var statement = await client.CapabilityStatementAsync(SummaryType.True);

        Assert.Contains(statement!.Meta.Tag, t => t.Code == "SUBSETTED");
    }

    [Fact]
    public async Task EveryOperation_VerifySelectAndLaunch_RunsThroughTheClient()
    {
        using var client = Client();
        var local = new Patient { Identifier = [new Identifier(Nhs, SandboxPatients.Minimal)], Name = [new HumanName { Family = "Minimal" }] };

        var verified = await client.TypeOperationAsync<Patient>("verify", new Parameters().Add("patient", local));
        var selected = (Parameters)(await client.TypeOperationAsync<Patient>("select", new Parameters()
            .Add("nhsNumber", new Identifier(Nhs, SandboxPatients.Search))
            .Add("confirmed", new FhirBoolean(true))))!;
        var token = selected.GetSingleValue<FhirString>("selectionToken")!.Value;
        var launched = await client.TypeOperationAsync<Patient>("ncrs-launch", new Parameters()
            .Add("selectionToken", new FhirString(token))
            .Add("originFeature", new FhirString("patient-banner")));

        Assert.IsType<Parameters>(verified);
        Assert.IsType<Parameters>(launched);
        foreach (var name in new[] { "Patient-verify", "Patient-select", "Patient-ncrs-launch" })
        {
            Assert.Equal(name, (await client.ReadAsync<OperationDefinition>($"OperationDefinition/{name}"))!.Id);
        }
    }

    [Fact]
    public async Task DocumentReferenceAndItsBinary_ReadThroughTheClient()
    {
        using var client = Client();

        var pointers = await client.SearchAsync<DocumentReference>([$"patient=Patient/{NrlSandboxPointers.PatientWithPointers}"], pageSize: 1);
        var pointer = await client.ReadAsync<DocumentReference>(pointers!.Entry[0].FullUrl);
        var unchanged = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<DocumentReference>(pointers.Entry[0].FullUrl, ifNoneMatch: $"W/\"{pointer!.Meta.VersionId}\""));
        var binary = await client.ReadAsync<Binary>($"Binary/{NrlSandboxPointers.CrisisPlanId}");

        Assert.NotNull(pointers.NextLink);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal("application/pdf", binary!.ContentType);
        Assert.NotEmpty(binary.Data);
    }

    [Fact]
    public async Task ImmunizationSearch_WithStandardNames_RunsThroughTheClient()
    {
        using var client = Client();

        var bundle = await client.SearchAsync<Immunization>([$"patient=Patient/{SandboxPatients.Search}", "target-disease=MMR,HPV"], pageSize: 2);

        Assert.Equal(3, bundle!.Total);
        Assert.Equal(2, bundle.Entry.Count);
        Assert.Single((await client.ContinueAsync(bundle))!.Entry);
    }

    [Fact]
    public async Task AuditEvent_SearchAndReadByFullUrl_RunThroughTheClient()
    {
        using (var reader = Client())
        {
            await reader.ReadAsync<Patient>($"Patient/{SandboxPatients.Deceased}");
        }

        using var auditor = new FhirClient(fixture.Host.FhirBase, fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-firely")), Settings());
        var bundle = await auditor.SearchAsync<AuditEvent>([$"patient=Patient/{SandboxPatients.Deceased}"], pageSize: 1);
        var read = await auditor.ReadAsync<AuditEvent>(bundle!.Entry[0].FullUrl);

        Assert.True(bundle.Total >= 1);
        Assert.Equal(bundle.Entry[0].Resource.Id, read!.Id);
    }

    private static FhirClientSettings Settings() => new() { PreferredFormat = ResourceFormat.Json };

    private FhirClient Client(FhirClientSettings? settings = null) => new(fixture.Host.FhirBase, fixture.Host.CreateClinicianClient(), settings ?? Settings());
}
