using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

public sealed class AuditEventTests(AuditGatewayFixture fixture) : IClassFixture<AuditGatewayFixture>
{
    private readonly GatewayHost _host = fixture.Host;

    [Fact]
    public async Task Read_Patient_RecordsOneAuditEventWithUserOrgWorkstationCorrelationAndPatient()
    {
        var correlationId = Guid.NewGuid().ToString();
        using var clinician = Client("dr-" + correlationId[..8], "clinician", "RX1");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Deceased}");
        request.Headers.Add("X-Correlation-ID", correlationId);
        request.Headers.Add("X-Workstation-ID", "WS-42");
        request.Headers.Add("X-Origin-Feature", "summary-view");
        request.Headers.Add("X-Encounter-ID", "ENC-9");
        using var read = await clinician.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var bundle = await SearchAsync($"fhir/AuditEvent?agent=dr-{correlationId[..8]}", ods: "RX1"); // an auditor sees their own organisation's rows

        var audit = Assert.IsType<AuditEvent>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal("patient-read", audit.Subtype.Single().Code);
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, audit.Outcome);
        var user = audit.Agent.Single(a => a.Requestor == true);
        Assert.Equal("dr-" + correlationId[..8], user.Who.Identifier.Value);
        Assert.Equal("clinician", user.Role.Single().Coding.Single().Code);
        Assert.Equal("WS-42", user.Network.Address);
        Assert.Contains(audit.Agent, a => a.Who.Identifier.Value == "RX1");
        Assert.Contains(audit.Entity, e => e.What?.Identifier?.Value == SandboxPatients.Deceased);
        var details = audit.Entity.SelectMany(e => e.Detail).ToDictionary(d => d.Type!, d => d.Value.ToString() ?? string.Empty);
        Assert.Equal(correlationId, details["correlation-id"]);
        Assert.Equal("summary-view", details["origin-feature"]);
        Assert.Equal("ENC-9", details["encounter-id"]);
    }

    [Fact]
    public async Task PointerSearchAndDocumentRetrieval_AreEachAuditedWithThePatient()
    {
        var user = "docs-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using (var search = await clinician.GetAsync($"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithPointers}"))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        using (var document = await clinician.GetAsync($"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}"))
        {
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.NotEmpty(await document.Content.ReadAsByteArrayAsync());
        }

        var events = (await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource)).ToList();

        Assert.Equal(new[] { "document-retrieve", "pointer-search" }, events.Select(e => e.Subtype.Single().Code ?? string.Empty).Order().ToArray());
        Assert.All(events, e => Assert.Contains(e.Entity, x => x.What?.Identifier?.Value == NrlSandboxPointers.PatientWithPointers));
    }

    [Fact]
    public async Task Read_InAFormatTheGatewayCannotSend_Is406AndTheAuditRowNamesTheUser()
    {
        var user = "xml-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Deceased}");
        request.Headers.Add("Accept", "application/fhir+xml");
        using var read = await clinician.SendAsync(request);
        await FhirAssert.OutcomeAsync(read, HttpStatusCode.NotAcceptable, "unsupported-format");

        var audit = Assert.IsType<AuditEvent>(Assert.Single((await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry).Resource);

        Assert.Equal(user, audit.Agent.Single(a => a.Requestor == true).Who.Identifier.Value);
        Assert.Contains(audit.Agent, a => a.Who.Identifier.Value == "A12345");
        Assert.Equal("unsupported-format", audit.OutcomeDesc);
    }

    [Fact]
    public async Task DemographicSearchAndPointerRead_AuditorSearchingByAnyReturnedPatient_FindsTheRow()
    {
        var user = "named-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        var matches = await FhirAssert.ResourceAsync<Bundle>(await clinician.GetAsync("fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31"));
        var pointer = await FhirAssert.ResourceAsync<DocumentReference>(await clinician.GetAsync($"fhir/DocumentReference/{NrlSandboxPointers.SecondPatientCrisisPlanId}"));
        var subject = pointer.Subject.Identifier.Value;

        var returned = matches.Entry.Select(e => e.Resource.Id).ToList();
        Assert.Equal(2, returned.Count);
        foreach (var patient in returned)
        {
            var rows = (await SearchAsync($"fhir/AuditEvent?patient={patient}&agent={user}")).Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource)).ToList();
            Assert.Contains(rows, r => r.Subtype.Single().Code == "patient-search");
        }

        var bySubject = (await SearchAsync($"fhir/AuditEvent?patient={subject}&agent={user}")).Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource)).ToList();
        var pointerRow = Assert.Single(bySubject, r => r.Subtype.Single().Code == "pointer-read");
        Assert.Contains(pointerRow.Entity, e => e.What?.Identifier?.Value == subject);
    }

    [Fact]
    public async Task Read_InvalidNhsNumber_IsAuditedAsUserErrorFailure()
    {
        var user = "refused-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using var read = await clinician.GetAsync("fhir/Patient/9000000000");
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);

        var audit = Assert.IsType<AuditEvent>(Assert.Single((await SearchAsync($"fhir/AuditEvent?agent={user}&outcome=4")).Entry).Resource);

        Assert.Equal(AuditEvent.AuditEventOutcome.N4, audit.Outcome);
        Assert.Equal("invalid-nhs-number", audit.OutcomeDesc);
        Assert.Contains(audit.Entity.SelectMany(e => e.Detail), d => d.Type == "failure-category" && d.Value.ToString() == "user-error");
        Assert.DoesNotContain(audit.Entity, e => e.What is not null);
    }

    [Fact]
    public async Task SearchAuditEvent_NonAuditor_Returns403OperationOutcomeAndIsAudited()
    {
        var user = "nosy-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");

        await FhirAssert.OutcomeAsync(await clinician.GetAsync("fhir/AuditEvent"), HttpStatusCode.Forbidden, "access-denied");

        var audit = Assert.IsType<AuditEvent>(Assert.Single((await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry).Resource);
        Assert.Equal("audit-search", audit.Subtype.Single().Code);
        Assert.Equal("access-denied", audit.OutcomeDesc);
    }

    [Fact]
    public async Task SearchAuditEvent_ByPatient_ReturnsOnlyThatPatientAndPagesByNextLink()
    {
        var user = "pager-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        for (var i = 0; i < 3; i++)
        {
            (await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}")).Dispose();
        }

        (await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Deceased}")).Dispose();

        var ids = new List<string>();
        string? next = $"fhir/AuditEvent?agent={user}&patient=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Minimal}&_count=2";
        while (next is not null)
        {
            var bundle = await SearchAsync(next);
            foreach (var audit in bundle.Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource)))
            {
                Assert.Contains(audit.Entity, e => e.What?.Identifier?.Value == SandboxPatients.Minimal);
                ids.Add(audit.Id);
            }

            next = bundle.Link.SingleOrDefault(l => l.Relation == "next")?.Url;
            Assert.True(next is null || next.StartsWith(_host.FhirBase.ToString(), StringComparison.Ordinal), next);
        }

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Audit_PatientReads_NoNhsNumberInGatewayLogs()
    {
        using var clinician = Client("logcheck", "clinician");
        (await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Restricted}")).Dispose();
        (await SearchAsync($"fhir/AuditEvent?patient={SandboxPatients.Restricted}")).ToString();

        // Messages of the gateway's own categories (the ASP.NET RequestPath log scope is outside audit's reach).
        var messages = _host.Logs.Lines
            .Where(l => l.Contains(" NcrsGateway.", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..]);
        Assert.DoesNotContain(messages, m => m.Contains(SandboxPatients.Restricted, StringComparison.Ordinal));
    }

    private async Task<Bundle> SearchAsync(string url, string ods = "A12345")
    {
        using var auditor = Client("auditor-1", "auditor", ods);
        using var response = await auditor.GetAsync(url);
        return await FhirAssert.ResourceAsync<Bundle>(response);
    }

    private HttpClient Client(string user, string role, string ods = "A12345")
    {
        var client = _host.CreateClient();
        TestAuth.Authenticate(client, user, role, ods);
        return client;
    }
}
