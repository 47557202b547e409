using System.Net;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// Issue 10 item 2: whether an audited action is a query (AuditEvent.action E) or a read (R) is declared once, on its
/// endpoint; the AuditEvent search reads it from there.
/// </summary>
public sealed class AuditEventActionTests(AuditGatewayFixture fixture) : IClassFixture<AuditGatewayFixture>
{
    [Theory]
    [InlineData(AuditActions.PatientRead, false)]
    [InlineData(AuditActions.PointerRead, false)]
    [InlineData(AuditActions.DocumentRetrieve, false)]
    [InlineData(AuditActions.PatientSearch, true)]
    [InlineData(AuditActions.PointerSearch, true)]
    [InlineData(AuditActions.AuditSearch, true)]
    [InlineData(AuditActions.AuditRead, false)]
    [InlineData(AuditActions.PatientVerify, true)]
    [InlineData(AuditActions.PatientSelect, true)]
    [InlineData(AuditActions.NcrsLaunch, true)]
    public void EveryAuditedAction_IsDeclaredOnceOnItsEndpoint_AsReadOrQuery(string action, bool isQuery)
    {
        var declared = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<AuditedAction>())
            .OfType<AuditedAction>()
            .Where(a => a.Action == action)
            .Distinct() // a search's GET and POST _search routes are one interaction
            .ToList();

        Assert.Equal(isQuery, Assert.Single(declared).IsQuery);
    }

    [Theory]
    [InlineData("patient-read", "fhir/Patient/" + SandboxPatients.Minimal, AuditEvent.AuditEventAction.R)]
    [InlineData("patient-search", "fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + SandboxPatients.Minimal, AuditEvent.AuditEventAction.E)]
    [InlineData("other", "fhir/Observation/1", AuditEvent.AuditEventAction.R)]
    public async Task AuditEvent_ActionCode_IsTheOneItsEndpointDeclares(string action, string path, AuditEvent.AuditEventAction expected)
    {
        var user = "action-" + Guid.NewGuid().ToString("N")[..8];
        using (var clinician = Client(user, "clinician"))
        using (await clinician.GetAsync(path))
        {
        }

        using var auditor = Client("auditor-actions", "auditor");
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await auditor.GetAsync($"fhir/AuditEvent?agent={user}"));

        var audit = Assert.IsType<AuditEvent>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(action, audit.Subtype.Single().Code);
        Assert.Equal(expected, audit.Action);
    }

    [Fact]
    public async Task AuditSearch_IsItselfAuditedAsAQuery()
    {
        var user = "auditor-" + Guid.NewGuid().ToString("N")[..8];
        using var auditor = Client(user, "auditor");
        using (var first = await auditor.GetAsync("fhir/AuditEvent?_count=1"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var bundle = await FhirAssert.ResourceAsync<Bundle>(await auditor.GetAsync($"fhir/AuditEvent?agent={user}"));

        var audit = Assert.IsType<AuditEvent>(bundle.Entry.First().Resource);
        Assert.Equal("audit-search", audit.Subtype.Single().Code);
        Assert.Equal(AuditEvent.AuditEventAction.E, audit.Action);
    }

    private HttpClient Client(string user, string role)
    {
        var client = fixture.Host.CreateClient();
        TestAuth.Authenticate(client, user, role);
        return client;
    }
}
