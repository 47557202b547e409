using System.Net;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>
/// The wrong-patient hazard on a shared workstation: two clinicians switching patients quickly, sequentially
/// and concurrently. Whatever the interleaving, a launch link only ever names the patient that user last
/// selected and confirmed on that workstation, and never a patient someone else selected.
/// </summary>
public sealed class SharedWorkstationTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private static readonly string[] Patients =
        [SandboxPatients.Search, SandboxPatients.Minimal, SandboxPatients.Restricted, SandboxPatients.SameFamily, SandboxPatients.Deceased];

    [Fact]
    public async Task TwoUsersOnOneWorkstation_SwitchingPatientsRapidly_NeverLaunchAnUnselectedPatient()
    {
        const string workstation = "ws-ward-3";
        using var a = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, workstation);
        using var b = new ClinicalContextClient(fixture.Host, TestTokens.SecondClinician, workstation);
        var users = new[] { a, b };
        var random = new Random(20261125);
        var successes = 0;

        for (var i = 0; i < 40; i++)
        {
            var me = users[random.Next(2)];
            var other = me == a ? b : a;
            var mine = Patients[random.Next(Patients.Length)];
            var token = await me.SelectTokenAsync(mine);
            var interrupted = random.Next(3) == 0;
            string? otherToken = null;
            string? theirs = null;
            if (interrupted)
            {
                theirs = Patients[random.Next(Patients.Length)];
                otherToken = await other.SelectTokenAsync(theirs); // the other user takes over the workstation
            }

            if (interrupted)
            {
                Assert.Equal(theirs, NcrsLaunchTests.LinkedNumber(await other.LaunchAsync(otherToken)));
                NcrsLaunchTests.AssertRefused(await me.LaunchAsync(token), HttpStatusCode.Conflict, "selection-superseded");
            }
            else
            {
                Assert.Equal(mine, NcrsLaunchTests.LinkedNumber(await me.LaunchAsync(token)));
            }

            successes++;
        }

        Assert.Equal(40, successes);
    }

    [Fact]
    public async Task TwoUsersOnOneWorkstation_ConcurrentSelectAndLaunch_OnlyEverLinkTheirOwnSelection()
    {
        const string workstation = "ws-ward-4";
        using var a = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, workstation);
        using var b = new ClinicalContextClient(fixture.Host, TestTokens.SecondClinician, workstation);

        for (var round = 0; round < 15; round++)
        {
            var patientA = Patients[round % Patients.Length];
            var patientB = Patients[(round + 2) % Patients.Length];
            var results = await Task.WhenAll(SelectThenLaunch(a, patientA), SelectThenLaunch(b, patientB));

            foreach (var (selected, launch) in results.Where(r => r.Launch is not null))
            {
                if (launch!.Status == HttpStatusCode.OK)
                {
                    Assert.Equal(selected, NcrsLaunchTests.LinkedNumber(launch));
                }
                else
                {
                    Assert.Contains(launch.ErrorCode, new[] { "selection-superseded" });
                }
            }
        }
    }

    private static async Task<(string Selected, ClinicalContextClient.Answer? Launch)> SelectThenLaunch(ClinicalContextClient client, string patient)
    {
        var select = await client.SelectAsync(patient);
        Assert.Equal(HttpStatusCode.OK, select.Status);
        return (patient, await client.LaunchAsync(select.Value("selectionToken")));
    }
}
