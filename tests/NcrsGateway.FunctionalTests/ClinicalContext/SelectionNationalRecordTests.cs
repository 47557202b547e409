using System.Net;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>
/// <c>$select</c> checks the national record (sandbox PDS): only a current record can be selected, a superseded
/// number is selected (and launched) as its current number, and a verification of another version is refused.
/// </summary>
public sealed class SelectionNationalRecordTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData(SandboxPatients.NotFound, "patient-not-found", "search by name and date of birth", "ws-nr-unknown")]
    [InlineData(SandboxPatients.Invalidated, "patient-record-invalidated", "Do not use it", "ws-nr-invalidated")]
    public async Task Select_NumberWithNoCurrentRecord_IsRefusedWithClinicalNextStep(string nhsNumber, string code, string nextStep, string workstation)
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, workstation);

        var select = await clinician.SelectAsync(nhsNumber);

        NcrsLaunchTests.AssertRefused(select, HttpStatusCode.NotFound, code);
        Assert.Contains(nextStep, select.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain("selectionToken", select.Json, StringComparison.Ordinal);
        AssertOneFailureRow(workstation, code);
    }

    [Fact]
    public async Task Select_SupersededNhsNumber_SelectsAndLaunchesTheCurrentNumber()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-nr-superseded");

        var select = await clinician.SelectAsync(SandboxPatients.SupersededOld);

        Assert.Equal(HttpStatusCode.OK, select.Status);
        Assert.Equal(SandboxPatients.Search, select.Value("nhsNumber"));
        Assert.Equal(SandboxPatients.SupersededOld, select.Value("requestedNhsNumber"));
        Assert.Contains("superseded", select.Value("notice"), StringComparison.Ordinal);
        Assert.Equal($"Patient/{SandboxPatients.Search}", select.Value("replacedBy"));
        var launch = await clinician.LaunchAsync(select.Value("selectionToken"));
        Assert.Equal(SandboxPatients.Search, NcrsLaunchTests.LinkedNumber(launch));
        var rows = fixture.Audit.Records.Where(r => r.WorkstationId == "ws-nr-superseded").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((AuditOutcome.Success, SandboxPatients.Search), (r.Outcome, r.Patient?.Value)));
    }

    [Fact]
    public async Task Select_VerifiedVersionNotTheNationalVersion_IsRefusedVerifyAgain()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-nr-version");

        var select = await clinician.SelectAsync(SandboxPatients.SupersededOld, verifiedVersion: "999");

        NcrsLaunchTests.AssertRefused(select, HttpStatusCode.Conflict, "patient-record-changed");
        Assert.Contains("Verify the patient's details against the national record again", select.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain("selectionToken", select.Json, StringComparison.Ordinal);
        AssertOneFailureRow("ws-nr-version", "patient-record-changed");
    }

    [Fact]
    public async Task Select_VerifiedVersionFromVerify_IsAcceptedAndReturned()
    {
        using var clinician = new ClinicalContextClient(Host, TestTokens.Clinician, "ws-nr-verified");
        var verify = await clinician.VerifyAsync($$"""{"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{SandboxPatients.Search}}"}]}""");
        var version = verify.Value("nationalVersion");
        Assert.False(string.IsNullOrEmpty(version));

        var select = await clinician.SelectAsync(SandboxPatients.Search, verifiedVersion: version);

        Assert.Equal(HttpStatusCode.OK, select.Status);
        Assert.Equal(version, select.Value("nationalVersion"));
        Assert.Null(select.Value("requestedNhsNumber"));
    }

    private void AssertOneFailureRow(string workstation, string code)
    {
        var row = Assert.Single(fixture.Audit.Records, r => r.WorkstationId == workstation);
        Assert.Equal((AuditActions.PatientSelect, AuditOutcome.Failure, code), (row.Action, row.Outcome, row.FailureCode));
    }
}
