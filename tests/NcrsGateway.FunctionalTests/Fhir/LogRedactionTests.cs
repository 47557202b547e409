using System.Net;
using System.Net.Sockets;
using NcrsGateway.FunctionalTests.RecordLocation;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.Fhir;

/// <summary>No NHS number (nor a document URL, with its names and postcodes) may reach a log line, whatever path the request took.</summary>
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

    [Fact]
    public async Task DocumentRetrieval_AndEveryErrorPath_LeavesNoDocumentUrlInLogs()
    {
        // Document URLs as repositories really build them: NHS number, surname and postcode in path and query.
        const string Identifying = "/9434765919/Ashworth-Jane/LS1%204AP/plan.pdf?nhsNumber=9434765919&surname=Ashworth&postcode=LS1+4AP";
        using var nrl = new NrlUpstream();
        var repository = WireMockServer.Start();
        using var stalling = new StallingRepository(bodyPrefix: 1024);
        var refusedPort = FreePort();
        try
        {
            repository.Given(Request.Create().WithPath(new WildcardMatcher("/ok/*")).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody([1, 2, 3]));
            repository.Given(Request.Create().WithPath(new WildcardMatcher("/missing/*")).UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
            repository.Given(Request.Create().WithPath(new WildcardMatcher("/failing/*")).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(500).WithBody("at Repository.Load(\"/records/9434765919/Ashworth-Jane\")"));
            repository.Given(Request.Create().WithPath(new WildcardMatcher("/slow/*")).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithBody([1]).WithDelay(TimeSpan.FromSeconds(3)));
            var pointers = new Dictionary<string, string>
            {
                ["RA901-ok"] = repository.Url + "/ok" + Identifying,
                ["RA901-missing"] = repository.Url + "/missing" + Identifying,
                ["RA901-failing"] = repository.Url + "/failing" + Identifying,
                ["RA901-slow"] = repository.Url + "/slow" + Identifying,
                ["RA901-stalling"] = stalling.Url("/stalling" + Identifying),
                ["RA901-refused"] = $"http://127.0.0.1:{refusedPort}/refused{Identifying}",
                ["RA901-disallowed"] = "https://records.elsewhere.example/disallowed" + Identifying,
            };
            foreach (var (id, url) in pointers)
            {
                nrl.Server.Given(nrl.ReadOf(id)).RespondWith(NrlUpstream.Fhir(NrlUpstream.Pointer(id, "9434765919", url)));
            }

            var settings = nrl.Settings();
            settings["Documents:AllowedHosts:0"] = new Uri(repository.Url!).Authority;
            settings["Documents:AllowedHosts:1"] = stalling.Authority;
            settings["Documents:AllowedHosts:2"] = $"127.0.0.1:{refusedPort}";
            settings["Documents:AllowHttp"] = "true";
            settings["Documents:IdleReadTimeout"] = "00:00:01";
            await using var host = await GatewayHost.StartAsync(settings);
            using var client = host.CreateClinicianClient();

            var statuses = new Dictionary<string, int>();
            foreach (var id in pointers.Keys)
            {
                try
                {
                    using var response = await client.GetAsync($"fhir/Binary/{id}");
                    statuses[id] = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    statuses[id] = 0; // the stalled download is aborted mid-body
                }
            }

            Assert.Equal(new Dictionary<string, int>
            {
                ["RA901-ok"] = 200, ["RA901-missing"] = 404, ["RA901-failing"] = 502, ["RA901-slow"] = 504,
                ["RA901-stalling"] = 0, ["RA901-refused"] = 503, ["RA901-disallowed"] = 403,
            }, statuses);
            var logs = host.Logs.All;
            foreach (var (id, url) in pointers.Where(p => p.Key != "RA901-disallowed"))
            {
                // What an operator needs instead: the pointer id and the repository's host.
                var authority = new Uri(url).Authority;
                Assert.Contains(host.Logs.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains(authority, StringComparison.Ordinal));
            }

            foreach (var fragment in new[] { "9434765919", "Ashworth", "LS1", "4AP", "plan.pdf", "nhsNumber", "postcode", "records.elsewhere" })
            {
                Assert.DoesNotContain(fragment, logs, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            repository.Stop();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again at once: connections to it are refused
    }
}
