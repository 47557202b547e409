using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>Pointer search and read against the sandbox NRL.</summary>
public sealed class DocumentReferenceSearchTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private const string Patient = "fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|";
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    private string GatewayBase => fixture.Host.FhirBase.ToString().TrimEnd('/');

    [Fact]
    public async Task Search_PatientWithPointers_ReturnsUkCorePointersWhoseAttachmentsPointAtTheGatewayNotTheRepository()
    {
        using var response = await _client.GetAsync(Patient + NrlSandboxPointers.PatientWithPointers);
        var bundle = await FhirAssert.ResourceAsync<Bundle>(response);

        var pointers = bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Match).Select(e => Assert.IsType<DocumentReference>(e.Resource)).ToList();
        Assert.Equal(5, bundle.Total);
        Assert.Equal(5, pointers.Count);
        Assert.All(pointers, p =>
        {
            Assert.Contains("https://fhir.hl7.org.uk/StructureDefinition/UKCore-DocumentReference", p.Meta.Profile);
            Assert.Equal("urn:ncrs-gateway:source:nrl", p.Meta.Source);
            Assert.Equal(DocumentReferenceStatus.Current, p.Status);
            Assert.Equal(NrlSandboxPointers.PatientWithPointers, p.Subject.Identifier.Value);
            Assert.Equal("https://fhir.nhs.uk/Id/ods-organization-code", p.Custodian.Identifier.System);
            Assert.Equal($"{GatewayBase}/Binary/{p.Id}", Assert.Single(p.Content).Attachment.Url);
        });
        var crisis = pointers.Single(p => p.Id == NrlSandboxPointers.CrisisPlanId);
        Assert.Equal("736253002", crisis.Type.Coding[0].Code);
        Assert.Equal("application/pdf", crisis.Content[0].Attachment.ContentType);

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(fixture.Sandbox.BaseUrl.Authority, body, StringComparison.Ordinal);
        Assert.DoesNotContain("ssp://", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/documents/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SupersededPointer_ShowsOnlyItsReplacement()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Patient + NrlSandboxPointers.PatientWithPointers));

        var ids = bundle.Entry.Select(e => e.Resource.Id).ToList();
        Assert.DoesNotContain(NrlSandboxPointers.SupersededId, ids);
        var replacement = Assert.IsType<DocumentReference>(bundle.Entry.Single(e => e.Resource.Id == NrlSandboxPointers.ReplacementId).Resource);
        var relation = Assert.Single(replacement.RelatesTo);
        Assert.Equal(DocumentRelationshipType.Replaces, relation.Code);
        Assert.Equal(NrlSandboxPointers.SupersededId, relation.Target.Identifier.Value);
    }

    [Fact]
    public async Task Search_MalformedPointerAmongGoodOnes_ReturnsTheGoodOnesAndAWarningOutcomeWithoutIdentifiers()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Patient + NrlSandboxPointers.PatientWithPointers));

        Assert.DoesNotContain(bundle.Entry, e => e.Resource.Id == NrlSandboxPointers.MalformedId);
        var outcomeEntry = Assert.Single(bundle.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Outcome);
        var issue = Assert.Single(Assert.IsType<OperationOutcome>(outcomeEntry.Resource).Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Warning, issue.Severity);
        Assert.Contains("custodian", issue.Details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(NrlSandboxPointers.PatientWithPointers, issue.Details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", issue.Details.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_LargeUnpagedPointerList_IsPagedByTheGatewayWithCountAndNextLinks()
    {
        var seen = new List<string?>();
        var next = $"{Patient}{NrlSandboxPointers.PatientWithManyPointers}&_count=50";
        var pages = 0;
        while (next is not null)
        {
            var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(next));
            pages++;
            Assert.Equal(NrlSandboxPointers.ManyPointersCount, bundle.Total);
            Assert.StartsWith(GatewayBase + "/DocumentReference?", bundle.SelfLink.ToString(), StringComparison.Ordinal);
            Assert.True(bundle.Entry.Count <= 50);
            seen.AddRange(bundle.Entry.Select(e => e.Resource.Id));
            if (pages > 1)
            {
                Assert.NotNull(bundle.PreviousLink);
            }

            next = bundle.NextLink?.ToString();
            Assert.True(next is null || next.StartsWith(GatewayBase, StringComparison.Ordinal));
        }

        Assert.Equal(3, pages);
        Assert.Equal(NrlSandboxPointers.ManyPointersCount, seen.Distinct().Count());
    }

    [Fact]
    public async Task Search_WithoutCount_ReturnsTheDefaultPageSize()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Patient + NrlSandboxPointers.PatientWithManyPointers));

        Assert.Equal(20, bundle.Entry.Count);
        Assert.Equal(NrlSandboxPointers.ManyPointersCount, bundle.Total);
    }

    [Fact]
    public async Task Search_ByType_ReturnsOnlyThatType()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(
            Patient + NrlSandboxPointers.PatientWithPointers + "&type=http://snomed.info/sct|1382601000000107"));

        Assert.Equal(NrlSandboxPointers.RespectId, Assert.Single(bundle.Entry).Resource.Id);
    }

    [Fact]
    public async Task Search_TypeTheOrganisationIsNotOnboardedFor_Returns403PointerTypeNotPermitted()
    {
        await FhirAssert.OutcomeAsync(
            await _client.GetAsync($"{Patient}{NrlSandboxPointers.PatientWithPointers}&type=http://snomed.info/sct|{NrlSandboxPointers.NotPermittedType}"),
            HttpStatusCode.Forbidden, "pointer-type-not-permitted");
    }

    [Fact]
    public async Task Search_UnknownPatient_ReturnsAnEmptySearchset()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Patient + NrlSandboxPointers.UnknownPatient));

        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Theory]
    [InlineData("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9000000000", "invalid-nhs-number")]
    [InlineData("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|12345", "invalid-nhs-number")]
    [InlineData("fhir/DocumentReference?patient:identifier=9000000009", "invalid-search")]
    [InlineData("fhir/DocumentReference", "invalid-search")]
    [InlineData("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009&custodian=X", "invalid-search")]
    [InlineData("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009&_count=101", "invalid-search")]
    [InlineData("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009&type=http://loinc.org|1234-5", "invalid-search")]
    public async Task Search_InvalidRequest_Returns400BeforeAnyUpstreamCall(string url, string code)
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, url);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(0, upstreamCalls);
    }

    [Fact]
    public async Task Search_BySubjectIdentifier_IsAcceptedLikePatientIdentifier()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(
            $"fhir/DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithTwoPointers}"));

        Assert.Equal(2, bundle.Total);
    }

    [Fact]
    public async Task Read_KnownPointer_ReturnsTheDocumentReferenceLinkedToTheGateway()
    {
        var pointer = await FhirAssert.ResourceAsync<DocumentReference>(
            await _client.GetAsync($"fhir/DocumentReference/{NrlSandboxPointers.EndOfLifeSummaryId}"));

        Assert.Equal(NrlSandboxPointers.EndOfLifeSummaryId, pointer.Id);
        Assert.Equal("application/fhir+json", pointer.Content[0].Attachment.ContentType);
        Assert.Equal($"{GatewayBase}/Binary/{NrlSandboxPointers.EndOfLifeSummaryId}", pointer.Content[0].Attachment.Url);
    }

    [Fact]
    public async Task Read_UnknownPointer_Returns404PointerNotFound()
    {
        await FhirAssert.OutcomeAsync(
            await _client.GetAsync("fhir/DocumentReference/XSB01-00000000-0000-4000-8000-000000000000"), HttpStatusCode.NotFound, "pointer-not-found");
    }
}
