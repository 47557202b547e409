using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>
/// A stand-in PDS for the load test: any valid NHS number reads as a minimal Patient at the version the test sets
/// (<c>ETag W/"n"</c>), and the reads the event worker makes (correlation IDs starting <c>event-</c>) are counted per
/// number, unbounded (WireMock's own request log keeps only the latest entries).
/// </summary>
internal sealed class CountingPds : IDisposable
{
    public const string BasePath = "/personal-demographics/FHIR/R4/";

    private readonly ConcurrentDictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _refetches = new(StringComparer.Ordinal);
    private readonly WireMockServer _server;

    public CountingPds()
    {
        _server = WireMockServer.Start(new WireMock.Settings.WireMockServerSettings { MaxRequestLogCount = 10 });
        _server.Given(Request.Create().WithPath(BasePath + "Patient/*").UsingGet()).RespondWith(Response.Create().WithCallback(Read));
    }

    public Uri BaseUrl => new(_server.Url + BasePath);

    public void SetVersion(string nhsNumber, int version) => _versions[nhsNumber] = version;

    /// <summary>Distinct worker re-fetches per NHS number (one re-fetch's retries share its correlation ID).</summary>
    public IReadOnlyDictionary<string, int> Refetches => _refetches.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);

    public void Dispose() => _server.Stop();

    private ResponseMessage Read(IRequestMessage request)
    {
        var nhsNumber = request.Path[(BasePath.Length + "Patient/".Length)..];
        var correlation = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, "X-Correlation-ID", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (correlation?.StartsWith("event-", StringComparison.Ordinal) == true)
        {
            _refetches.GetOrAdd(nhsNumber, _ => new(StringComparer.Ordinal)).TryAdd(correlation, 0);
        }

        var version = _versions.GetValueOrDefault(nhsNumber, 1).ToString(CultureInfo.InvariantCulture);
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = nhsNumber,
            ["meta"] = new JsonObject { ["versionId"] = version },
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = nhsNumber }),
            ["name"] = new JsonArray(new JsonObject { ["use"] = "usual", ["family"] = "Loadtest", ["given"] = new JsonArray("Ada") }),
            ["gender"] = "female",
            ["birthDate"] = "1980-01-01",
        };
        var response = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = patient.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/fhir+json");
        response.AddHeader("ETag", $"W/\"{version}\"");
        return response;
    }
}
