using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// Issue 14 item 2, against the real audit store: an auditor sees only the rows of users of their own organisation
/// (the token's ods claim); a national auditor sees every organisation's; an auditor whose token names none is refused.
/// </summary>
public sealed class AuditScopeTests(AuditGatewayFixture fixture) : IClassFixture<AuditGatewayFixture>
{
    [Fact]
    public async Task AuditorOfAnotherOrganisation_FindsNoneOfTheRowsOfUsersOfA11111()
    {
        var (user, patient) = await ReadAsUserOfA11111Async();

        var byAgent = await SearchAsync("auditor-b", "auditor", "B99999", $"fhir/AuditEvent?agent={user}");
        var byPatient = await SearchAsync("auditor-b", "auditor", "B99999", $"fhir/AuditEvent?patient={patient}&_count=100");

        Assert.Empty(byAgent.Entry);
        Assert.DoesNotContain(byPatient.Entry, e => Assert.IsType<AuditEvent>(e.Resource).Agent.Any(a => a.Who?.Identifier?.Value == "A11111"));
    }

    [Fact]
    public async Task AuditorOfTheSameOrganisation_FindsTheRowWithTheNhsNumber()
    {
        var (user, patient) = await ReadAsUserOfA11111Async();

        var found = await SearchAsync("auditor-a", "auditor", "A11111", $"fhir/AuditEvent?agent={user}");

        var audit = Assert.IsType<AuditEvent>(Assert.Single(found.Entry).Resource);
        Assert.Contains(audit.Entity, e => e.What?.Identifier?.Value == patient);
    }

    [Fact]
    public async Task NationalAuditor_FindsEveryOrganisationsRows()
    {
        var (user, _) = await ReadAsUserOfA11111Async();

        var found = await SearchAsync("auditor-national", "national-auditor", "X26", $"fhir/AuditEvent?agent={user}");

        Assert.Single(found.Entry);
    }

    [Fact]
    public async Task AuditorWhoseTokenNamesNoOrganisation_IsRefusedWithAnOperationOutcome()
    {
        using var auditor = fixture.Host.CreateClient();
        auditor.DefaultRequestHeaders.Add(TestAuth.UserHeader, "auditor-nowhere");
        auditor.DefaultRequestHeaders.Add(TestAuth.RoleHeader, "auditor");

        using var response = await auditor.GetAsync("fhir/AuditEvent?_count=1");

        var text = await FhirAssert.OutcomeAsync(response, HttpStatusCode.Forbidden, "access-denied");
        Assert.Contains("no organisation", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClinicianWhoIsNotAnAuditor_CannotSearchEvenTheirOwnOrganisation()
    {
        using var clinician = Client("clinician-a", "clinician", "A11111");

        using var response = await clinician.GetAsync("fhir/AuditEvent?_count=1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(string User, string Patient)> ReadAsUserOfA11111Async()
    {
        var user = "a11111-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician", "A11111");
        using var read = await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return (user, SandboxPatients.Minimal);
    }

    private async Task<Bundle> SearchAsync(string user, string role, string ods, string url)
    {
        using var auditor = Client(user, role, ods);
        using var response = await auditor.GetAsync(url);
        return await FhirAssert.ResourceAsync<Bundle>(response);
    }

    private HttpClient Client(string user, string role, string ods)
    {
        var client = fixture.Host.CreateClient();
        TestAuth.Authenticate(client, user, role, ods);
        return client;
    }
}
