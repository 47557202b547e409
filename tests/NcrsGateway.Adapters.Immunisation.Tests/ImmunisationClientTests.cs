using System.Net;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>ImmunisationClient against a bare WireMock server: headers, query on the wire, retries and failure translation.</summary>
public sealed class ImmunisationClientTests : IDisposable
{
    private const string SearchPath = "/immunisation-fhir-api/FHIR/R4/Immunization";
    private static readonly NhsNumber Patient = ImmunisationTestHost.Nhs("9000000009");

    private readonly WireMockServer _server = WireMockServer.Start();

    private Uri BaseUrl => new(new Uri(_server.Url!), "/immunisation-fhir-api/FHIR/R4/");

    [Fact]
    public async Task Search_Always_SendsRequestIdCorrelationOdsAndKeyedBearerToken()
    {
        Answer(200, ImmunizationJson.SearchSet());
        using var host = new ImmunisationTestHost(BaseUrl);
        var context = ImmunisationTestHost.Context("A12345");

        await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), context, CancellationToken.None);

        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("GET", request.Method);
        Assert.True(Guid.TryParseExact(Header(request, "X-Request-ID"), "D", out _));
        Assert.Equal(context.CorrelationId, Header(request, "X-Correlation-ID"));
        Assert.Equal("A12345", Header(request, "NHSD-End-User-Organisation-ODS"));
        Assert.Equal("Bearer " + ImmunisationTestHost.Token, Header(request, "Authorization"));
        Assert.Contains("application/fhir+json", Header(request, "Accept"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithoutCallerOrganisation_SendsConfiguredOds()
    {
        Answer(200, ImmunizationJson.SearchSet());
        using var host = new ImmunisationTestHost(BaseUrl);

        await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(ods: null), CancellationToken.None);

        Assert.Equal(ImmunisationTestHost.DefaultOds, Header(Assert.Single(_server.LogEntries).RequestMessage!, "NHSD-End-User-Organisation-ODS"));
    }

    [Fact]
    public async Task Search_TargetsAndDateBounds_AreSentAsTheApiParameters()
    {
        Answer(200, ImmunizationJson.SearchSet());
        using var host = new ImmunisationTestHost(BaseUrl);
        var query = new ImmunisationSearchQuery(Patient, ["COVID19", "FLU"], new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31));

        await host.Client.SearchAsync(query, ImmunisationTestHost.Context(), CancellationToken.None);

        var raw = Assert.Single(_server.LogEntries).RequestMessage!.RawQuery!;
        var parameters = raw.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(["patient.identifier", "-immunization.target", "-date.from", "-date.to"], parameters.Keys);
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number|9000000009", parameters["patient.identifier"]);
        Assert.Equal("COVID19,FLU", parameters["-immunization.target"]);
        Assert.Equal("2021-01-01", parameters["-date.from"]);
        Assert.Equal("2022-12-31", parameters["-date.to"]);
    }

    [Fact]
    public async Task Search_WithoutDateBounds_SendsNoDateParameters()
    {
        Answer(200, ImmunizationJson.SearchSet());
        using var host = new ImmunisationTestHost(BaseUrl);

        await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["MMR"]), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.DoesNotContain("-date.", Assert.Single(_server.LogEntries).RequestMessage!.RawQuery!, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_InvalidNhsNumberOrNoTarget_CannotBeBuiltSoIsNeverSent()
    {
        Assert.False(NhsNumber.TryParse("9000000000", out _)); // the port only takes a checked NhsNumber
        Assert.Throws<ArgumentException>(() => new ImmunisationSearchQuery(Patient, []));
        Assert.Throws<ArgumentException>(() => new ImmunisationSearchQuery(Patient, ["flu;drop"]));
        Assert.Throws<ArgumentException>(() => new ImmunisationSearchQuery(Patient, ["FLU"], new DateOnly(2022, 1, 2), new DateOnly(2022, 1, 1)));
    }

    [Fact]
    public async Task Search_After503_RetriesWithTheSameRequestId()
    {
        var calls = 0;
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => Interlocked.Increment(ref calls) == 1
                ? Message(503, "{}")
                : Message(200, ImmunizationJson.SearchSet(ImmunizationJson.Full("imm-1", Patient.Value)))));
        using var host = new ImmunisationTestHost(BaseUrl);

        var result = await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["COVID19"]), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.Single(result.EventsOrEmpty);
        var ids = _server.LogEntries.Select(e => Header(e.RequestMessage!, "X-Request-ID")).ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(Guid.TryParse(ids[0], out _));
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Search_EmptySearchset_IsNotRecordedRatherThanAnError()
    {
        Answer(200, ImmunizationJson.SearchSet());
        using var host = new ImmunisationTestHost(BaseUrl);

        var result = await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.Equal(ElementState.NotRecorded, result.Events.State);
        Assert.Equal("immunisation", result.Events.Provenance.Source);
    }

    [Fact]
    public async Task Search_SuppressedOutcomeOnly_IsAWithheldHistory()
    {
        Answer(200, """{"resourceType":"Bundle","type":"searchset","total":0,"entry":[{"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"suppressed"}]},"search":{"mode":"outcome"}}]}""");
        using var host = new ImmunisationTestHost(BaseUrl);

        var result = await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.Equal(ElementState.Withheld, result.Events.State);
        Assert.Empty(result.EventsOrEmpty);
    }

    [Theory]
    [InlineData(400, "invalid-search")]
    [InlineData(401, "upstream-access-denied")]
    [InlineData(403, "vaccine-type-not-permitted")]
    [InlineData(408, "upstream-timeout")]
    [InlineData(429, "upstream-busy")]
    [InlineData(500, "upstream-error")]
    [InlineData(502, "upstream-error")]
    [InlineData(503, "upstream-unavailable")]
    [InlineData(504, "upstream-timeout")]
    public async Task Search_UpstreamStatus_MapsToTaxonomy(int status, string code)
    {
        Answer(status, ImmunizationJson.Outcome("processing"));
        using var host = new ImmunisationTestHost(BaseUrl, new Dictionary<string, string?> { ["Adapters:Immunisation:MaxRetries"] = "0" });

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(code, e.Error.Code);
        Assert.DoesNotContain("processing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_404WithOperationOutcome_IsPatientNotFound()
    {
        Answer(404, ImmunizationJson.Outcome("not-found"));
        using var host = new ImmunisationTestHost(BaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.PatientNotFound, e.Error);
    }

    [Fact]
    public async Task Search_Bare404_IsAnUpstreamErrorNotAnEmptyHistory()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(404).WithBody("Not Found"));
        using var host = new ImmunisationTestHost(BaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamError, e.Error);
    }

    [Fact]
    public async Task Search_429WithRetryAfter_PassesTheWaitToTheCaller()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithBody(ImmunizationJson.Outcome("throttled")));
        using var host = new ImmunisationTestHost(BaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamRateLimited, e.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Single(_server.LogEntries); // 30 s is longer than MaxRetryAfterWait: not waited for
    }

    [Fact]
    public async Task Search_503WithRetryAfter_IsUnavailableWithTheWait()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "120"));
        using var host = new ImmunisationTestHost(BaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamUnavailable, e.Error);
        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
    }

    [Fact]
    public async Task Search_SlowerThanAttemptAndTotalTimeouts_ThrowsUpstreamTimeout()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ImmunizationJson.SearchSet()).WithDelay(TimeSpan.FromSeconds(3)));
        using var host = new ImmunisationTestHost(BaseUrl, new Dictionary<string, string?>
        {
            ["Adapters:Immunisation:AttemptTimeout"] = "00:00:00.200",
            ["Adapters:Immunisation:TotalTimeout"] = "00:00:00.500",
        });

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamTimeout, e.Error);
    }

    [Fact]
    public async Task Search_ConnectionRefused_ThrowsUpstreamUnavailable()
    {
        var deadUrl = BaseUrl;
        _server.Stop();
        using var host = new ImmunisationTestHost(deadUrl, new Dictionary<string, string?> { ["Adapters:Immunisation:MaxRetries"] = "0" });

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamUnavailable, e.Error);
    }

    [Fact]
    public async Task Search_NonFhirOkBody_IsAnUpstreamErrorNotAnEmptyHistory()
    {
        Answer(200, "<html>maintenance</html>");
        using var host = new ImmunisationTestHost(BaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["FLU"]), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamError, e.Error);
    }

    [Fact]
    public async Task Search_MalformedRecord_IsSkippedWithAWarningAndLogFreeOfPatientData()
    {
        Answer(200, ImmunizationJson.SearchSet(
            ImmunizationJson.Full("imm-good", Patient.Value),
            ImmunizationJson.Full("imm-bad", Patient.Value).Without("vaccineCode"),
            ImmunizationJson.Full("imm-other", "9000000017")));
        using var host = new ImmunisationTestHost(BaseUrl);

        var result = await host.Client.SearchAsync(new ImmunisationSearchQuery(Patient, ["COVID19"]), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.Equal("imm-good", Assert.Single(result.EventsOrEmpty).Id);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("vaccine code", result.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("not the patient searched for", result.Warnings[1], StringComparison.Ordinal);
        var lines = result.Warnings.Concat(host.Logs.Select(l => l.Message)).ToList();
        Assert.Contains(host.Logs, l => l.Message.Contains("2 unusable records", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.DoesNotContain(Patient.Value, line, StringComparison.Ordinal);
            Assert.DoesNotContain("9000000017", line, StringComparison.Ordinal);
            Assert.DoesNotContain("XTS02", line, StringComparison.Ordinal);
            Assert.DoesNotContain("://", line, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _server.Dispose();

    private void Answer(int status, string body) =>
        _server.Given(Request.Create().WithPath(SearchPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body));

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static ResponseMessage Message(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/fhir+json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };
}
