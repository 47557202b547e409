using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Tests.Common;
using OpenTelemetry.Trace;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.Fhir;

/// <summary>Spans name the upstream host, never a URL path or query: those hold NHS numbers, names and postcodes.</summary>
public sealed class TraceRedactionTests
{
    [Fact]
    public async Task PatientReadAndDocumentRetrieval_LeaveNoNhsNumberNameOrDocumentPathInSpans()
    {
        const string Identifying = "/9434765919/Ashworth-Jane/LS1%204AP/plan.pdf?nhsNumber=9434765919&surname=Ashworth";
        using var nrl = new NrlUpstream();
        using var pds = new PdsUpstream();
        var repository = WireMockServer.Start();
        var spans = new List<Activity>();
        try
        {
            repository.Given(Request.Create().WithPath(new WildcardMatcher("/ok/*")).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody([1, 2, 3]));
            nrl.Server.Given(nrl.ReadOf("RA901-ok"))
                .RespondWith(NrlUpstream.Fhir(NrlUpstream.Pointer("RA901-ok", "9434765919", repository.Url + "/ok" + Identifying)));
            var settings = nrl.Settings();
            foreach (var (key, value) in pds.Settings())
            {
                settings[key] = value;
            }

            settings["Documents:AllowedHosts:0"] = new Uri(repository.Url!).Authority;
            settings["Documents:AllowHttp"] = "true";
            await using var host = await GatewayHost.StartAsync(settings, b =>
                b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
            using var client = host.CreateClinicianClient();

            (await client.GetAsync("fhir/Patient/9434765919")).Dispose();
            using var document = await client.GetAsync("fhir/Binary/RA901-ok");
            Assert.Equal(200, (int)document.StatusCode);
            host.App.Services.GetRequiredService<TracerProvider>().ForceFlush();

            // The simulated upstreams run in this process too: keep the gateway's own spans (its server spans and
            // every client span), not the ones WireMock's hosts record for the requests they receive.
            var finished = spans.ToArray().Where(s => s.Kind == ActivityKind.Client
                || (s.Kind == ActivityKind.Server && Equals(s.GetTagItem("server.port"), host.BaseAddress.Port))).ToArray();
            Assert.Contains(finished, s => s.Kind == ActivityKind.Server);
            var upstream = finished.Where(s => s.Kind == ActivityKind.Client).ToList();
            Assert.Contains(upstream, s => s.GetTagItem("url.full") is string u && u.StartsWith(repository.Url!, StringComparison.Ordinal));
            var tags = finished.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")).ToList();
            Assert.NotEmpty(tags);
            foreach (var fragment in new[] { "9434765919", "Ashworth", "LS1", "plan.pdf", "nhsNumber=" })
            {
                var leaks = tags.Where(t => t.Contains(fragment, StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.True(leaks.Count == 0, $"'{fragment}' in spans: {string.Join(" | ", leaks)}");
            }
        }
        finally
        {
            repository.Stop();
        }
    }
}
