using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>Audit rows say what the caller actually received and who they actually were (read back as an auditor).</summary>
public sealed class AuditTruthTests(AuditGatewayFixture fixture) : IClassFixture<AuditGatewayFixture>
{
    private readonly GatewayHost _host = fixture.Host;

    [Theory]
    [InlineData(SandboxPatients.BadCheckDigit, HttpStatusCode.BadRequest, "invalid-nhs-number")]
    [InlineData(SandboxPatients.NotFound, HttpStatusCode.NotFound, "patient-not-found")]
    [InlineData(SandboxPatients.Invalidated, HttpStatusCode.NotFound, "patient-record-invalidated")]
    public async Task FailedRead_AuditRowRecordsTheStatusTheCallerReceived(string nhsNumber, HttpStatusCode status, string code)
    {
        var user = "status-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using (var read = await clinician.GetAsync($"fhir/Patient/{nhsNumber}"))
        {
            Assert.Equal(status, read.StatusCode);
        }

        var audit = Assert.IsType<AuditEvent>(Assert.Single((await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry).Resource);

        Assert.Equal(code, audit.OutcomeDesc);
        Assert.Equal($"GET {(int)status}", Detail(audit, "detail"));
    }

    [Fact]
    public async Task Read_TokenWithTwoRoles_AuditRowRecordsBothRoles()
    {
        var user = "roles-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician,auditor");
        using (var read = await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var audit = Assert.IsType<AuditEvent>(Assert.Single((await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry).Resource);

        var requestor = audit.Agent.Single(a => a.Requestor == true);
        Assert.Equal(["auditor", "clinician"], requestor.Role.Select(r => r.Coding.Single().Code ?? string.Empty).Order(StringComparer.Ordinal).ToArray());
    }

    private static string? Detail(AuditEvent audit, string type) =>
        audit.Entity.SelectMany(e => e.Detail).SingleOrDefault(d => d.Type == type)?.Value?.ToString();

    private async Task<Bundle> SearchAsync(string url)
    {
        using var auditor = Client("auditor-truth", "auditor");
        using var response = await auditor.GetAsync(url);
        return await FhirAssert.ResourceAsync<Bundle>(response);
    }

    private HttpClient Client(string user, string role)
    {
        var client = _host.CreateClient();
        TestAuth.Authenticate(client, user, role);
        return client;
    }
}
