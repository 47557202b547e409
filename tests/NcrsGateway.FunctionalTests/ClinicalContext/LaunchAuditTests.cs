using System.Net;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>Every refused or failed launch attempt leaves exactly one failure row, naming the status the caller got.</summary>
public sealed class LaunchAuditTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Launch_EveryRefusedAttempt_WritesOneFailureRowWithTheStatusReceived()
    {
        using var owner = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-la-owner");
        using var thief = new ClinicalContextClient(Host, TestTokens.SecondClinician, "ws-la-thief");
        using var missing = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-la-missing");
        using var unknown = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-la-unknown");

        await ExpectOneFailureRowAsync(missing, null, HttpStatusCode.BadRequest, "selection-missing");
        await ExpectOneFailureRowAsync(unknown, "never-issued", HttpStatusCode.BadRequest, "selection-missing");
        var used = await owner.SelectTokenAsync(SandboxPatients.Search);
        Assert.Equal(HttpStatusCode.OK, (await owner.LaunchAsync(used)).Status);
        await ExpectOneFailureRowAsync(owner, used, HttpStatusCode.Conflict, "selection-used");
        var stolen = await owner.SelectTokenAsync(SandboxPatients.Minimal);
        await ExpectOneFailureRowAsync(thief, stolen, HttpStatusCode.Forbidden, "selection-not-yours");
    }

    [Fact]
    public async Task Launch_ExpiredSelection_WritesOneFailureRow()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-la-expired");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);
        fixture.Time.Advance(TimeSpan.FromMinutes(3));

        await ExpectOneFailureRowAsync(clinician, token, HttpStatusCode.Gone, "selection-expired");
    }

    [Fact]
    public async Task Launch_WhenAuditStoreCannotCommit_RefusesAndStillWritesAFailureRow()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-la-audit-down");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        fixture.Audit.FailCommittedWrites = true;
        try
        {
            await ExpectOneFailureRowAsync(clinician, token, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
        }
        finally
        {
            fixture.Audit.FailCommittedWrites = false;
        }

        Assert.Contains(fixture.Audit.Rows, r => r.Record.WorkstationId == "ws-la-audit-down" && r.Record.FailureCode == "audit-unavailable" && r.Durability == AuditDurability.WriteAhead);
    }

    [Fact]
    public async Task Launch_WithExpiredAccessToken_WritesOneFailureRow()
    {
        using var http = Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-la-expired-token", notBefore: DateTimeOffset.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1)));
        var before = fixture.Audit.Records.Count(r => r.Action == AuditActions.NcrsLaunch && r.FailureCode == "unauthenticated");

        using var response = await http.PostAsync("fhir/Patient/$ncrs-launch", ClinicalContextClient.Fhir(ClinicalContextClient.LaunchBody("some-token")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var rows = fixture.Audit.Records.Where(r => r.Action == AuditActions.NcrsLaunch && r.FailureCode == "unauthenticated").ToList();
        Assert.Equal(before + 1, rows.Count);
        Assert.Equal("POST 401", rows[^1].Detail);
    }

    [Fact]
    public async Task SearchAuditEvent_WhileStoreIsDown_Answers503AuditUnavailableWithRetryAfterAndAnAuditorsNextStep()
    {
        using var auditor = Host.CreateClient(TestTokens.Mint(TestTokens.Auditor));
        fixture.Audit.FailSearches = true;
        HttpResponseMessage response;
        try
        {
            response = await auditor.GetAsync("fhir/AuditEvent?_count=5");
        }
        finally
        {
            fixture.Audit.FailSearches = false;
        }

        using (response)
        {
            var advice = await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta); // issue 14: when to search again
            Assert.Contains("Run the same search again", advice, StringComparison.Ordinal);
            Assert.DoesNotContain("select", advice, StringComparison.OrdinalIgnoreCase); // an auditor selects no patient
        }

        Assert.Contains(fixture.Audit.Records, r => r.Action == AuditActions.AuditSearch && r.FailureCode == "audit-unavailable" && r.Detail == "GET 503");
    }

    private async Task ExpectOneFailureRowAsync(ClinicalContextClient client, string? token, HttpStatusCode status, string code)
    {
        var before = LaunchFailures(client.Workstation).Count;

        var answer = await client.LaunchAsync(token);

        NcrsLaunchTests.AssertRefused(answer, status, code);
        var rows = LaunchFailures(client.Workstation);
        Assert.Equal(before + 1, rows.Count);
        Assert.Equal((code, $"POST {(int)status}", client.User.UserId), (rows[^1].FailureCode, rows[^1].Detail, rows[^1].UserId));
    }

    private List<AuditRecord> LaunchFailures(string workstation) =>
        [.. fixture.Audit.Records.Where(r => r.Action == AuditActions.NcrsLaunch && r.Outcome == AuditOutcome.Failure && r.WorkstationId == workstation)];
}
