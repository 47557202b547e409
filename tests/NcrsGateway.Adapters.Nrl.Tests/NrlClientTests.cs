using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>NrlClient against a bare WireMock server: headers, retries and failure translation.</summary>
public sealed partial class NrlClientTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string SearchPath = "/record-locator/consumer/FHIR/R4/DocumentReference/_search";
    private static readonly NhsNumber Patient = Nhs("9000000009");

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly SandboxFixture _sandbox;

    public NrlClientTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private Uri FaultBaseUrl => new(new Uri(_server.Url!), "/record-locator/consumer/FHIR/R4/");

    [Fact]
    public async Task Search_Always_SendsNrlHeadersAndNhsNumberOnlyInBody()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(PointerJson.SearchSet()));
        using var host = new NrlTestHost(FaultBaseUrl);
        var context = NrlTestHost.Context("A12345");

        await host.Client.SearchAsync(new PointerSearchQuery(Patient), context, CancellationToken.None);

        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.True(Guid.TryParse(Header(request, "X-Request-ID"), out _));
        Assert.Equal(context.CorrelationId, Header(request, "X-Correlation-ID"));
        Assert.Equal("A12345", Header(request, "NHSD-End-User-Organisation-ODS"));
        Assert.Equal("Bearer " + NrlTestHost.Token, Header(request, "Authorization"));
        Assert.Contains("application/fhir+json", Header(request, "Accept"), StringComparison.Ordinal);
        Assert.DoesNotContain(Patient.Value, request.Url, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal(NhsNumber.System + "|" + Patient.Value, (string?)body["subject:identifier"]);
    }

    [Fact]
    public async Task Search_WithoutCallerOrganisation_SendsConfiguredOds()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PointerJson.SearchSet()));
        using var host = new NrlTestHost(FaultBaseUrl);

        await host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(ods: null), CancellationToken.None);

        Assert.Equal(NrlTestHost.DefaultOds, Header(Assert.Single(_server.LogEntries).RequestMessage!, "NHSD-End-User-Organisation-ODS"));
    }

    [Fact]
    public async Task Search_TypeAndCategoryCodes_AreSentAsSnomedTokens()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PointerJson.SearchSet()));
        using var host = new NrlTestHost(FaultBaseUrl);

        await host.Client.SearchAsync(new PointerSearchQuery(Patient, ["736253002", "1382601000000107"], ["734163000"]), NrlTestHost.Context(), CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(_server.LogEntries).RequestMessage!.Body!)!;
        Assert.Equal("http://snomed.info/sct|736253002,http://snomed.info/sct|1382601000000107", (string?)body["type"]);
        Assert.Equal("http://snomed.info/sct|734163000", (string?)body["category"]);
    }

    [Fact]
    public async Task Search_After503_RetriesThePostWithTheSameRequestId()
    {
        var calls = 0;
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(_ => Interlocked.Increment(ref calls) == 1
                ? Message(503, "{}")
                : Message(200, PointerJson.SearchSet(PointerJson.Pointer("XTS01-a", Patient.Value, "https://docs.example.org/a.pdf")))));
        using var host = new NrlTestHost(FaultBaseUrl);

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None);

        Assert.Single(result.Pointers);
        var ids = _server.LogEntries.Select(e => Header(e.RequestMessage!, "X-Request-ID")).ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(Guid.TryParse(ids[0], out _));
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task UnmarkedPost_After503_IsNeverRetried()
    {
        // Only the search is marked safe to re-send: any other POST through NRL's pipeline goes once, even on a 503.
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503));
        using var host = new NrlTestHost(FaultBaseUrl);
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IRecordLocator));
        using var post = new HttpRequestMessage(HttpMethod.Post, "DocumentReference") { Content = new StringContent("{}") };

        using var response = await http.SendAsync(post);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task Search_Persistent503_ThrowsUpstreamUnavailable()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        using var host = new NrlTestHost(FaultBaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamUnavailable, e.Error);
        Assert.Equal(3, _server.LogEntries.Count()); // first attempt + MaxRetries (2)
    }

    [Fact]
    public async Task Search_SlowerThanAttemptAndTotalTimeouts_ThrowsUpstreamTimeout()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PointerJson.SearchSet()).WithDelay(TimeSpan.FromSeconds(3)));
        using var host = new NrlTestHost(FaultBaseUrl, new Dictionary<string, string?>
        {
            ["Adapters:Nrl:AttemptTimeout"] = "00:00:00.200",
            ["Adapters:Nrl:TotalTimeout"] = "00:00:00.500",
        });

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamTimeout, e.Error);
    }

    [Theory]
    [InlineData(400, "invalid-search")]
    [InlineData(401, "upstream-access-denied")]
    [InlineData(403, "pointer-type-not-permitted")]
    [InlineData(429, "upstream-busy")]
    [InlineData(500, "upstream-error")]
    public async Task Search_UpstreamStatus_MapsToTaxonomy(int status, string code)
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(status));
        using var host = new NrlTestHost(FaultBaseUrl, new Dictionary<string, string?> { ["Adapters:Nrl:MaxRetries"] = "0" });

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(code, e.Error.Code);
    }

    [Fact]
    public async Task Search_ConnectionRefused_ThrowsUpstreamUnavailable()
    {
        var deadUrl = FaultBaseUrl;
        _server.Stop();
        using var host = new NrlTestHost(deadUrl, new Dictionary<string, string?> { ["Adapters:Nrl:MaxRetries"] = "0" });

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.UpstreamUnavailable, e.Error);
    }

    [Fact]
    public async Task Search_ReplacementAndReplacedInSameResult_ReturnsOnlyReplacement()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PointerJson.SearchSet(
                PointerJson.Pointer("XTS01-old", Patient.Value, "https://docs.example.org/old.pdf"),
                PointerJson.Pointer("XTS01-new", Patient.Value, "https://docs.example.org/new.pdf", replaces: "XTS01-old"))));
        using var host = new NrlTestHost(FaultBaseUrl);

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None);

        var pointer = Assert.Single(result.Pointers);
        Assert.Equal("XTS01-new", pointer.Id);
        Assert.Equal("XTS01-old", pointer.Replaces);
    }

    [Theory]
    [InlineData("http://docs.example.org/a.pdf")]
    [InlineData("/relative/a.pdf")]
    [InlineData("ftp://docs.example.org/a.pdf")]
    public async Task Search_PointerWithUnusableUrl_IsSkippedWithWarningFreeOfUrl(string url)
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PointerJson.SearchSet(
                PointerJson.Pointer("XTS01-good", Patient.Value, "https://docs.example.org/good.pdf"),
                PointerJson.Pointer("XTS01-bad", Patient.Value, url))));
        using var host = new NrlTestHost(FaultBaseUrl);

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None);

        Assert.Equal("XTS01-good", Assert.Single(result.Pointers).Id);
        var warning = Assert.Single(result.Warnings);
        Assert.DoesNotContain("example.org", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Patient.Value, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PointerForAnotherPatient_IsSkipped()
    {
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PointerJson.SearchSet(
                PointerJson.Pointer("XTS01-other", "9000000017", "https://docs.example.org/a.pdf"))));
        using var host = new NrlTestHost(FaultBaseUrl);

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Patient), NrlTestHost.Context(), CancellationToken.None);

        Assert.Empty(result.Pointers);
        Assert.DoesNotContain("9000000017", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_404_ThrowsPointerNotFound()
    {
        _server.Given(Request.Create().WithPath("/record-locator/consumer/FHIR/R4/DocumentReference/XTS01-gone").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404));
        using var host = new NrlTestHost(FaultBaseUrl);

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.ReadAsync("XTS01-gone", NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.PointerNotFound, e.Error);
    }

    public void Dispose() => _server.Dispose();

    private static NhsNumber Nhs(string value) => NhsNumber.TryParse(value, out var n) ? n : throw new ArgumentException("bad test NHS number");

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static ResponseMessage Message(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/fhir+json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };
}
