using NcrsGateway.Sandbox;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Issue 14 item 4: the simulators remember a bounded number of requests, so a long-running sandbox host stays flat in
/// memory instead of keeping every simulated upstream call (it grew about 8 KiB per call).
/// </summary>
public sealed class SandboxRequestLogTests
{
    [Fact]
    public async Task Simulators_AfterMoreCallsThanTheBound_KeepOnlyTheMostRecentRequests()
    {
        using var upstreams = SandboxUpstreams.Start();
        using var http = new HttpClient { BaseAddress = upstreams.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sandbox-token");
        var calls = SandboxUpstreams.MaxRequestLogCount + 250;
        var paths = new[]
        {
            new Uri(upstreams.PdsBaseUrl, $"Patient/{SandboxPatients.Search}"),
            new Uri(upstreams.NrlBaseUrl, "DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|" + SandboxPatients.Search),
            new Uri(upstreams.ImmunisationBaseUrl, "Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + SandboxPatients.Search),
        };

        for (var i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, paths[i % paths.Length]);
            request.Headers.Add("X-Request-ID", $"call-{i}");
            using var response = await http.SendAsync(request);
        }

        var kept = upstreams.Server.LogEntries.ToList();
        Assert.Equal(SandboxUpstreams.MaxRequestLogCount, kept.Count);
        Assert.Contains(kept, e => RequestId(e) == $"call-{calls - 1}"); // a test can still count the calls it just made
        Assert.DoesNotContain(kept, e => RequestId(e) == "call-0"); // the oldest are dropped
    }

    private static string? RequestId(WireMock.Logging.ILogEntry entry) =>
        entry.RequestMessage.Headers is { } headers && headers.TryGetValue("X-Request-ID", out var values) ? values.FirstOrDefault() : null;
}
