using System.Net;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>
/// <c>$select</c> → <c>$ncrs-launch</c>: a link only for the patient this user confirmed on this workstation, once,
/// within the lifetime, with a committed audit row. Each test uses its own workstation so tests stay independent.
/// </summary>
public sealed class NcrsLaunchTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Launch_WithFreshSelection_ReturnsLinkForThatPatientAndCommitsAuditRows()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-fresh");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);
        var calls = fixture.UpstreamCalls; // $select checked the national record; $ncrs-launch makes no call

        var launch = await clinician.LaunchAsync(token);

        Assert.Equal(HttpStatusCode.OK, launch.Status);
        Assert.Equal(SandboxPatients.Search, LinkedNumber(launch));
        Assert.Equal(calls, fixture.UpstreamCalls); // no synchronous upstream pre-check
        var auditId = Guid.Parse(launch.Value("auditId")!);
        var row = fixture.Audit.Rows.Single(r => r.Record.Id == auditId);
        Assert.Equal(AuditDurability.Committed, row.Durability);
        Assert.Equal(AuditActions.NcrsLaunch, row.Record.Action);
        Assert.Equal(AuditOutcome.Success, row.Record.Outcome);
        Assert.Equal(SandboxPatients.Search, row.Record.Patient?.Value);
        Assert.Equal((TestTokens.Clinician.UserId, "ws-fresh", "ENC-1", "patient-banner"), (row.Record.UserId, row.Record.WorkstationId, row.Record.EncounterId, row.Record.OriginFeature));
        Assert.Contains(fixture.Audit.Rows, r => r.Record.Action == AuditActions.PatientSelect && r.Record.WorkstationId == "ws-fresh" && r.Durability == AuditDurability.Committed);
    }

    [Fact]
    public async Task Launch_SandboxLink_OpensTheSandboxNcrsPageForThatPatient()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-page");
        var launch = await clinician.LaunchAsync(await clinician.SelectTokenAsync(SandboxPatients.Minimal));
        using var http = Host.CreateClient();

        var page = await http.GetStringAsync(launch.Value("launchUrl"));

        Assert.Contains($"<strong id=\"nhs-number\">{SandboxPatients.Minimal}</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_ReplayedToken_ReturnsSelectionUsed()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-replay");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);
        Assert.Equal(HttpStatusCode.OK, (await clinician.LaunchAsync(token)).Status);

        var replay = await clinician.LaunchAsync(token);

        AssertRefused(replay, HttpStatusCode.Conflict, "selection-used");
    }

    [Fact]
    public async Task Launch_SameTokenConcurrently_SucceedsExactlyOnce()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-race");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => clinician.LaunchAsync(token)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => AssertRefused(a, HttpStatusCode.Conflict, "selection-used"));
    }

    [Fact]
    public async Task Launch_TokenUsedByAnotherUser_IsRefusedAndBurnt()
    {
        using var owner = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-theft-user");
        using var thief = new ClinicalContextClient(Host, TestTokens.SecondClinician, "ws-theft-other");
        var token = await owner.SelectTokenAsync(SandboxPatients.Search);

        var stolen = await thief.LaunchAsync(token);
        var afterwards = await owner.LaunchAsync(token);

        AssertRefused(stolen, HttpStatusCode.Forbidden, "selection-not-yours");
        Assert.NotEqual(HttpStatusCode.OK, afterwards.Status); // a token seen in the wrong hands is never honoured again
        Assert.Contains(fixture.Audit.Records, r => r.Action == AuditActions.NcrsLaunch && r.Outcome == AuditOutcome.Failure
            && r.FailureCode == "selection-not-yours" && r.UserId == TestTokens.SecondClinician.UserId && r.Patient?.Value == SandboxPatients.Search);
    }

    [Fact]
    public async Task Launch_TokenUsedBySameUserOnAnotherWorkstation_IsRefused()
    {
        using var here = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-theft-a");
        using var there = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-theft-b");
        var token = await here.SelectTokenAsync(SandboxPatients.Search);

        AssertRefused(await there.LaunchAsync(token), HttpStatusCode.Forbidden, "selection-not-yours");
    }

    [Fact]
    public async Task Launch_TokenUsedBySameUserInAnotherSession_IsRefused()
    {
        using var first = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-session", sessionId: "session-1");
        using var second = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-session", sessionId: "session-2");
        var token = await first.SelectTokenAsync(SandboxPatients.Search);

        AssertRefused(await second.LaunchAsync(token), HttpStatusCode.Forbidden, "selection-not-yours");
    }

    [Fact]
    public async Task Launch_AfterSelectionLifetime_ReturnsSelectionExpired()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-expiry");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        fixture.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var late = await clinician.LaunchAsync(token);

        AssertRefused(late, HttpStatusCode.Gone, "selection-expired");
    }

    [Fact]
    public async Task Launch_JustBeforeSelectionLifetime_Succeeds()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-not-yet-expired");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        fixture.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await clinician.LaunchAsync(token)).Status);
    }

    [Fact]
    public async Task Select_NewSelectionBySameUser_SupersedesPrevious()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-switch");
        var first = await clinician.SelectTokenAsync(SandboxPatients.Search);
        var second = await clinician.SelectTokenAsync(SandboxPatients.Minimal);

        AssertRefused(await clinician.LaunchAsync(first), HttpStatusCode.Conflict, "selection-superseded");
        Assert.Equal(SandboxPatients.Minimal, LinkedNumber(await clinician.LaunchAsync(second)));
    }

    [Fact]
    public async Task Select_ByDifferentUserOnWorkstation_SupersedesEveryEarlierSelectionThere()
    {
        using var first = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-shared-select");
        using var second = new ClinicalContextClient(Host, TestTokens.SecondClinician, "ws-shared-select");
        var firstToken = await first.SelectTokenAsync(SandboxPatients.Search);

        var secondToken = await second.SelectTokenAsync(SandboxPatients.Minimal);

        Assert.Equal(SandboxPatients.Minimal, LinkedNumber(await second.LaunchAsync(secondToken)));
        AssertRefused(await first.LaunchAsync(firstToken), HttpStatusCode.Conflict, "selection-superseded");
    }

    [Fact]
    public async Task Launch_StaleAttemptByEarlierUser_AlsoSupersedesTheCurrentUsersSelection()
    {
        using var first = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-shared-back");
        using var second = new ClinicalContextClient(Host, TestTokens.SecondClinician, "ws-shared-back");
        var firstToken = await first.SelectTokenAsync(SandboxPatients.Search);
        var secondToken = await second.SelectTokenAsync(SandboxPatients.Minimal);

        AssertRefused(await first.LaunchAsync(firstToken), HttpStatusCode.Conflict, "selection-superseded"); // first user is back at the keyboard

        AssertRefused(await second.LaunchAsync(secondToken), HttpStatusCode.Conflict, "selection-superseded");
    }

    [Fact]
    public async Task Launch_ByDifferentUserOnWorkstation_SupersedesEarlierSelectionsThere()
    {
        using var first = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-shared-launch");
        using var second = new ClinicalContextClient(Host, TestTokens.SecondClinician, "ws-shared-launch");
        var firstToken = await first.SelectTokenAsync(SandboxPatients.Search);

        AssertRefused(await second.LaunchAsync(null), HttpStatusCode.BadRequest, "selection-missing"); // second user "signs in" here

        AssertRefused(await first.LaunchAsync(firstToken), HttpStatusCode.Conflict, "selection-superseded");
    }

    [Fact]
    public async Task Launch_WithoutToken_ReturnsSelectionMissing()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-missing");

        AssertRefused(await clinician.LaunchAsync(null), HttpStatusCode.BadRequest, "selection-missing");
        AssertRefused(await clinician.LaunchAsync("never-issued"), HttpStatusCode.BadRequest, "selection-missing");
    }

    [Fact]
    public async Task Launch_WhenAuditStoreFails_FailsClosedWithAuditUnavailable()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-audit-down");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        var launch = await WhileAuditWritesFailAsync(() => clinician.LaunchAsync(token));

        AssertRefused(launch, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
        Assert.DoesNotContain("launchUrl", launch.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxPatients.Search, launch.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_WhenAuditStoreFails_FailsClosedAndStoresNothing()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-audit-down-select");
        var select = await WhileAuditWritesFailAsync(() => clinician.SelectAsync(SandboxPatients.Search));

        AssertRefused(select, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
        Assert.DoesNotContain("selectionToken", select.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_WhenAuditStoreFails_LeavesThePreviousSelectionUsable()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-audit-down-keep");
        var previous = await clinician.SelectTokenAsync(SandboxPatients.Search);

        var refused = await WhileAuditWritesFailAsync(() => clinician.SelectAsync(SandboxPatients.Minimal), committedOnly: true);

        AssertRefused(refused, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
        Assert.NotNull(refused.RetryAfter);
        Assert.Contains("previous selection", refused.ErrorText, StringComparison.Ordinal);
        Assert.Equal(SandboxPatients.Search, LinkedNumber(await clinician.LaunchAsync(previous)));
    }

    [Fact]
    public async Task Launch_WhenAuditStoreFails_KeepsTheSelection_SoTheRetrySucceeds()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-audit-down-retry");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        var refused = await WhileAuditWritesFailAsync(() => clinician.LaunchAsync(token), committedOnly: true);

        AssertRefused(refused, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
        Assert.NotNull(refused.RetryAfter);
        Assert.DoesNotContain("select", refused.ErrorText!.Replace("selection", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SandboxPatients.Search, LinkedNumber(await clinician.LaunchAsync(token)));
        AssertRefused(await clinician.LaunchAsync(token), HttpStatusCode.Conflict, "selection-used"); // still once only
    }

    [Fact]
    public async Task Select_WithoutConfirmation_IsRefused()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-unconfirmed");

        AssertRefused(await clinician.SelectAsync(SandboxPatients.Search, confirmed: false), HttpStatusCode.BadRequest, "selection-not-confirmed");
    }

    [Fact]
    public async Task Select_WithoutWorkstation_IsRefused()
    {
        using var http = Host.CreateClient(TestTokens.Mint(TestTokens.Clinician));
        using var response = await http.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)));
        var answer = new ClinicalContextClient.Answer(response.StatusCode, await response.Content.ReadAsStringAsync());

        AssertRefused(answer, HttpStatusCode.BadRequest, "workstation-required");
    }

    [Fact]
    public async Task Select_WorkstationFromHeader_IsUsedWhenTokenHasNone()
    {
        using var http = Host.CreateClient(TestTokens.Mint(TestTokens.Clinician), workstationHeader: "ws-header");
        using var response = await http.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Audit.Records, r => r.Action == AuditActions.PatientSelect && r.WorkstationId == "ws-header");
    }

    [Theory]
    [InlineData(SandboxPatients.BadCheckDigit)]
    [InlineData("12345")]
    [InlineData("1111111111")]
    public async Task Select_InvalidNhsNumber_Returns400WithoutUpstreamCall(string nhsNumber)
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-invalid");
        var calls = fixture.UpstreamCalls;

        var select = await clinician.SelectAsync(nhsNumber);

        AssertRefused(select, HttpStatusCode.BadRequest, "invalid-nhs-number");
        Assert.Equal(calls, fixture.UpstreamCalls);
    }

    [Fact]
    public async Task SelectAndLaunch_LeaveNoNhsNumberOrTokenInLogs()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-logs");
        using var other = new ClinicalContextClient(Host, TestTokens.SecondClinician, "ws-logs-other");
        var token = await clinician.SelectTokenAsync(SandboxPatients.InformallyDeceased);
        await other.LaunchAsync(token);
        await clinician.LaunchAsync(token);

        Assert.DoesNotContain(SandboxPatients.InformallyDeceased, Host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(token, Host.Logs.All, StringComparison.Ordinal);
    }

    internal static string? LinkedNumber(ClinicalContextClient.Answer launch)
    {
        Assert.Equal(HttpStatusCode.OK, launch.Status);
        var url = new Uri(launch.Value("launchUrl")!);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(launch.Value("nhsNumber"), query["nhsNumber"]);
        return query["nhsNumber"];
    }

    internal static void AssertRefused(ClinicalContextClient.Answer answer, HttpStatusCode status, string code)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(code, answer.ErrorCode);
        Assert.DoesNotContain("launchUrl", answer.Json, StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="call"/> while the audit store refuses writes (every write, or only the committed ones).</summary>
    private async Task<ClinicalContextClient.Answer> WhileAuditWritesFailAsync(Func<Task<ClinicalContextClient.Answer>> call, bool committedOnly = false)
    {
        if (committedOnly)
        {
            fixture.Audit.FailCommittedWrites = true;
        }
        else
        {
            fixture.Audit.FailWrites = true;
        }

        try
        {
            return await call();
        }
        finally
        {
            fixture.Audit.FailWrites = false;
            fixture.Audit.FailCommittedWrites = false;
        }
    }
}
