using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Fhir;

/// <summary>No NHS number may reach a log line, whatever path the request took.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task Requests_OfEveryKind_LeaveNoNhsNumberInLogs()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.CreateClinicianClient();
        string[] urls =
        [
            $"fhir/Patient/{SandboxPatients.Search}",
            $"fhir/Patient/{SandboxPatients.SupersededOld}",
            $"fhir/Patient/{SandboxPatients.Invalidated}",
            $"fhir/Patient/{SandboxPatients.NotFound}",
            "fhir/Patient/9000000000",
            $"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Restricted}",
            "fhir/Patient?family=Ashworth&birthdate=eq1968-04-17",
        ];

        foreach (var url in urls)
        {
            (await client.GetAsync(url)).Dispose();
        }

        Assert.NotEmpty(host.Logs.Lines);
        Assert.Contains(host.Logs.Lines, l => l.Contains("PDS read answered", StringComparison.Ordinal));
        foreach (var number in new[] { SandboxPatients.Search, SandboxPatients.SupersededOld, SandboxPatients.Invalidated, SandboxPatients.NotFound, SandboxPatients.Restricted, "9000000000" })
        {
            Assert.DoesNotContain(number, host.Logs.All, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Ashworth", host.Logs.All, StringComparison.Ordinal);
    }
}
