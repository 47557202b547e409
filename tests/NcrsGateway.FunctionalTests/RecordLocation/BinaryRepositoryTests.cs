using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>Document retrieval against scripted NRL, repository and Spine Secure Proxy upstreams.</summary>
public sealed class BinaryRepositoryTests : IAsyncLifetime
{
    private const string Number = "9434765919";
    private const string PointerId = "RA901-5d1c8e2f-3b4a-4c6d-9e0f-1a2b3c4d5e6f";
    private const string Asid = "918999198999";
    private readonly NrlUpstream _nrl = new();
    private readonly WireMockServer _repository = WireMockServer.Start();
    private readonly WireMockServer _elsewhere = WireMockServer.Start();
    private readonly WireMockServer _ssp = WireMockServer.Start();
    private readonly SequencedTokens _tokens = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = _nrl.Settings();
        settings["Documents:AllowedHosts:0"] = new Uri(_repository.Url!).Authority;
        settings["Documents:AllowHttp"] = "true";
        settings["Documents:IdleReadTimeout"] = "00:00:03";
        settings["Documents:SspBaseUrl"] = _ssp.Url + "/ssp";
        settings["Documents:SspFromAsid"] = "200000000001";
        _host = await GatewayHost.StartAsync(settings, b => b.Services.AddKeyedSingleton<IUpstreamTokenProvider>(SourceServices.DocumentRepository, _tokens));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _nrl.Dispose();
        _repository.Stop();
        _elsewhere.Stop();
        _ssp.Stop();
    }

    [Fact]
    public async Task Download_PointerToAHostNotOnTheAllowList_IsRefusedWithoutContactingIt()
    {
        PointerAt(_elsewhere.Url + "/doc.pdf");

        await FhirAssert.OutcomeAsync(await Download(), HttpStatusCode.Forbidden, "document-host-not-allowed");
        Assert.Empty(_elsewhere.LogEntries);
    }

    [Fact]
    public async Task Download_Document_SendsTheTokenOfTheKeyedDocumentRepositoryProviderAndReturnsTheBytes()
    {
        PointerAt(_repository.Url + "/doc.pdf");
        _repository.Given(Request.Create().WithPath("/doc.pdf").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf")
                .WithHeader("Set-Cookie", "repo=1").WithBody([1, 2, 3, 4]));

        using var first = await Download();
        using var second = await Download();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal([1, 2, 3, 4], await first.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.Contains("Set-Cookie"));
        // Asked afresh for every download (a provider may rotate its token), never a configured string.
        Assert.Equal(["Bearer repository-token-1", "Bearer repository-token-2"], _repository.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task Download_RepositoryRedirectsElsewhere_Returns502AndDoesNotFollowOrPassOnTheRedirect()
    {
        PointerAt(_repository.Url + "/doc.pdf");
        _repository.Given(Request.Create().WithPath("/doc.pdf").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", _elsewhere.Url + "/stolen.pdf"));

        using var response = await Download();

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadGateway, "upstream-error");
        Assert.Null(response.Headers.Location);
        Assert.Empty(_elsewhere.LogEntries);
    }

    [Fact]
    public async Task Download_RepositoryFails_Returns502OperationOutcomeNotTheRepositoryBody()
    {
        PointerAt(_repository.Url + "/doc.pdf");
        _repository.Given(Request.Create().WithPath("/doc.pdf").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("stack trace 0xDEADBEEF"));

        using var response = await Download();

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadGateway, "upstream-error");
        Assert.DoesNotContain("DEADBEEF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_RepositoryHasNoSuchDocument_Returns404DocumentUnavailable()
    {
        PointerAt(_repository.Url + "/gone.pdf");
        _repository.Given(Request.Create().WithPath("/gone.pdf").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));

        await FhirAssert.OutcomeAsync(await Download(), HttpStatusCode.NotFound, "document-unavailable");
    }

    [Fact]
    public async Task Download_RepositorySilentBeyondTheIdleReadTimeout_Returns504UpstreamTimeout()
    {
        PointerAt(_repository.Url + "/slow.pdf");
        _repository.Given(Request.Create().WithPath("/slow.pdf").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody([1]).WithDelay(TimeSpan.FromSeconds(6)));

        await FhirAssert.OutcomeAsync(await Download(), HttpStatusCode.GatewayTimeout, "upstream-timeout");
    }

    [Fact]
    public async Task Download_SspPointer_GoesOnlyThroughTheSpineSecureProxyWithTheEncodedTargetAndSspHeaders()
    {
        PointerAt("ssp://provider.example/records/plan.pdf", Asid);
        _ssp.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/ssp/*")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody([7, 7]));

        using var response = await Download();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([7, 7], await response.Content.ReadAsByteArrayAsync());
        var request = Assert.Single(_ssp.LogEntries).RequestMessage;
        // The whole https target travels as one path segment ('/' percent-encoded; the SSP host decodes ':' itself).
        Assert.Matches("/ssp/https(%3A|:)%2F%2Fprovider\\.example%2Frecords%2Fplan\\.pdf$", request.Url);
        Assert.True(Guid.TryParse(request.Headers!["Ssp-TraceID"].Single(), out _));
        Assert.Equal("200000000001", request.Headers["Ssp-From"].Single());
        Assert.Equal(Asid, request.Headers["Ssp-To"].Single());
        Assert.False(string.IsNullOrEmpty(request.Headers["Ssp-InteractionID"].Single()));
    }

    [Fact]
    public async Task Download_RepositoryAsksForCredentials_Returns502WithoutPassingOnItsChallenge()
    {
        PointerAt(_repository.Url + "/doc.pdf");
        _repository.Given(Request.Create().WithPath("/doc.pdf").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Basic realm=\"repo-internal\""));

        using var response = await Download();

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadGateway, "upstream-access-denied");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    private void PointerAt(string url, string? asid = null) =>
        _nrl.Server.Given(_nrl.ReadOf(PointerId)).RespondWith(NrlUpstream.Fhir(NrlUpstream.Pointer(PointerId, Number, url, asid)));

    private Task<HttpResponseMessage> Download() => _host.CreateClinicianClient().GetAsync($"fhir/Binary/{PointerId}");

    private sealed class SequencedTokens : IUpstreamTokenProvider
    {
        private int _issued;

        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>($"repository-token-{Interlocked.Increment(ref _issued)}");
    }
}
