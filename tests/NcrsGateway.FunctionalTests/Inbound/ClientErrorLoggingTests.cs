using System.Net;
using System.Text;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// A client's own mistake (a body over its limit, a malformed form) is answered with a 4xx OperationOutcome and is
/// not an error of the gateway: nothing is logged at Warning or above, and no log line carries a stack trace.
/// </summary>
public sealed class ClientErrorLoggingTests
{
    [Fact]
    public async Task BodiesOverTheirLimit_Are413_AndNeverLoggedAsErrorsWithAStackTrace()
    {
        await using var host = await GatewayHost.StartAsync(); // the sandbox: it has the /sandbox/token route
        using var anonymous = host.CreateClient();
        using var clinician = host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-logs"));
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician", ["workstation"] = new string('w', 5 * 1024) });
        var json = new StringContent($$"""{"user":"demo-clinician","workstation":"{{new string('w', 5 * 1024)}}"}""", Encoding.UTF8, "application/json");
        var verify = ClinicalContextClient.Fhir("""{"resourceType":"Parameters","parameter":[{"name":"x","valueString":" """ + new string('x', 70 * 1024) + "\"}]}");

        var startupLines = host.Logs.Lines.Count; // start-up warnings (sandbox in use, generated audit keys) are not the requests'

        using var tokenForm = await anonymous.PostAsync("sandbox/token", form);
        using var tokenJson = await anonymous.PostAsync("sandbox/token", json);
        using var verifyLarge = await clinician.PostAsync("fhir/Patient/$verify", verify);

        Assert.Equal(
            (HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge),
            (tokenForm.StatusCode, tokenJson.StatusCode, verifyLarge.StatusCode));
        Assert.Contains("request-too-large", await tokenJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logged = host.Logs.Lines.Skip(startupLines).ToList();
        Assert.DoesNotContain(logged, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal) || l.StartsWith("Warning ", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, l => !l.StartsWith("Debug ", StringComparison.Ordinal) && !l.StartsWith("Trace ", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal));
    }
}
