using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// Issue 16 item 3, against the real audit store: every AuditEvent searchset has an id, meta and total, every entry's
/// fullUrl answers the same event to the same auditor (and 404 to an auditor of another organisation), and
/// <c>patient</c> takes a reference, as its declared type says.
/// </summary>
public sealed class AuditEventReadTests(AuditGatewayFixture fixture) : IClassFixture<AuditGatewayFixture>
{
    [Fact]
    public async Task Searchset_HasIdMetaAndTheTotalOfEveryMatchingRow()
    {
        var user = await ReadTwiceAsUserOfA11111Async();

        using var auditor = Client("auditor-a", "auditor", "A11111");
        var page = await SearchAsync(auditor, $"fhir/AuditEvent?agent={user}&_count=1");

        Assert.False(string.IsNullOrEmpty(page.Id));
        Assert.NotNull(page.Meta?.LastUpdated);
        Assert.Equal(2, page.Total);
        Assert.Single(page.Entry);
        Assert.NotNull(page.NextLink);
    }

    [Fact]
    public async Task EntryFullUrl_AnswersTheSameEventToTheAuditor()
    {
        var user = await ReadTwiceAsUserOfA11111Async();
        using var auditor = Client("auditor-a", "auditor", "A11111");
        var entry = (await SearchAsync(auditor, $"fhir/AuditEvent?agent={user}")).Entry[0];

        var read = await FhirAssert.ResourceAsync<AuditEvent>(await auditor.GetAsync(entry.FullUrl));

        Assert.Equal(entry.Resource.Id, read.Id);
        Assert.Equal(((AuditEvent)entry.Resource).Recorded, read.Recorded);
    }

    [Fact]
    public async Task EntryFullUrl_IsNotFoundForAnAuditorOfAnotherOrganisation()
    {
        var user = await ReadTwiceAsUserOfA11111Async();
        using var auditor = Client("auditor-a", "auditor", "A11111");
        var entry = (await SearchAsync(auditor, $"fhir/AuditEvent?agent={user}")).Entry[0];

        using var other = Client("auditor-b", "auditor", "B99999");

        await FhirAssert.OutcomeAsync(await other.GetAsync(entry.FullUrl), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Read_ByAClinician_IsForbidden()
    {
        using var clinician = Client("clinician-a", "clinician", "A11111");

        await FhirAssert.OutcomeAsync(await clinician.GetAsync($"fhir/AuditEvent/{Guid.NewGuid()}"), HttpStatusCode.Forbidden, "access-denied");
    }

    [Theory]
    [InlineData("Patient/" + SandboxPatients.Deceased)]
    [InlineData("https://gateway.example/fhir/Patient/" + SandboxPatients.Deceased)]
    [InlineData(SandboxPatients.Deceased)]
    [InlineData("https://fhir.nhs.uk/Id/nhs-number|" + SandboxPatients.Deceased)]
    public async Task PatientParameter_TakesAReferenceAsItsDeclaredTypeSays(string patient)
    {
        var user = "a11111-" + Guid.NewGuid().ToString("N")[..8];
        using (var clinician = Client(user, "clinician", "A11111"))
        using (var read = await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Deceased}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var auditor = Client("auditor-a", "auditor", "A11111");
        var found = await SearchAsync(auditor, $"fhir/AuditEvent?agent={user}&patient={Uri.EscapeDataString(patient)}");

        Assert.Single(found.Entry);
    }

    private async Task<string> ReadTwiceAsUserOfA11111Async()
    {
        var user = "a11111-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician", "A11111");
        foreach (var nhs in new[] { SandboxPatients.Minimal, SandboxPatients.Search })
        {
            using var read = await clinician.GetAsync($"fhir/Patient/{nhs}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        return user;
    }

    private static async Task<Bundle> SearchAsync(HttpClient auditor, string url) =>
        await FhirAssert.ResourceAsync<Bundle>(await auditor.GetAsync(url));

    private HttpClient Client(string user, string role, string ods)
    {
        var client = fixture.Host.CreateClient();
        TestAuth.Authenticate(client, user, role, ods);
        return client;
    }
}
