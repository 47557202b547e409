using System.Net;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.Resilience;

/// <summary>
/// Outbound connections are pooled across every caller, so no upstream client may keep cookies: a cookie an upstream
/// set while answering one user must never travel on another user's request (here, from another organisation).
/// </summary>
public sealed class UpstreamCookieTests : IDisposable
{
    private const string Number = "9434765919";
    private const string PointerId = "RA901-7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    private static readonly TestUser OtherOrganisation = new("test-clinician-other-org", "clinician", "B81016");

    private readonly PdsUpstream _pds = new();
    private readonly NrlUpstream _nrl = new();
    private readonly WireMockServer _repository = WireMockServer.Start();

    public void Dispose()
    {
        _pds.Dispose();
        _nrl.Dispose();
        _repository.Stop();
    }

    [Fact]
    public async Task PdsRead_CookieSetDuringOneUsersRequest_IsNotSentOnAnotherOrganisationsRequest()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number).WithHeader("Set-Cookie", "pds-session=user-a; Path=/"));
        var settings = _pds.Settings();
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05"; // generous: this test is not about time
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        settings["Cache:Enabled"] = "false"; // both users must reach PDS
        await using var host = await GatewayHost.StartAsync(settings);

        await AsUserA(host, $"fhir/Patient/{Number}");
        await AsUserB(host, $"fhir/Patient/{Number}");

        AssertSecondRequestCarriesNoCookie(_pds.Server);
    }

    [Fact]
    public async Task NrlSearch_CookieSetDuringOneUsersRequest_IsNotSentOnAnotherOrganisationsRequest()
    {
        _nrl.Server.Given(_nrl.Search()).RespondWith(NrlUpstream.Fhir(NrlUpstream.SearchSet()).WithHeader("Set-Cookie", "nrl-session=user-a; Path=/"));
        var settings = _nrl.Settings();
        settings["Cache:Enabled"] = "false";
        await using var host = await GatewayHost.StartAsync(settings);
        const string search = "fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Number;

        await AsUserA(host, search);
        await AsUserB(host, search);

        AssertSecondRequestCarriesNoCookie(_nrl.Server);
    }

    [Fact]
    public async Task DocumentDownload_CookieSetDuringOneUsersDownload_IsNotSentOnAnotherOrganisationsDownload()
    {
        _nrl.Server.Given(_nrl.ReadOf(PointerId)).RespondWith(NrlUpstream.Fhir(NrlUpstream.Pointer(PointerId, Number, _repository.Url + "/doc.pdf")));
        _repository.Given(Request.Create().WithPath("/doc.pdf").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf")
                .WithHeader("Set-Cookie", "repo-session=user-a; Path=/").WithBody([1, 2, 3]));
        var settings = _nrl.Settings();
        settings["Cache:Enabled"] = "false";
        settings["Documents:AllowedHosts:0"] = new Uri(_repository.Url!).Authority;
        settings["Documents:AllowHttp"] = "true";
        await using var host = await GatewayHost.StartAsync(settings);

        await AsUserA(host, $"fhir/Binary/{PointerId}");
        await AsUserB(host, $"fhir/Binary/{PointerId}");

        AssertSecondRequestCarriesNoCookie(_repository);
    }

    private static async Task AsUserA(GatewayHost host, string path)
    {
        using var client = host.CreateClinicianClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AsUserB(GatewayHost host, string path)
    {
        using var client = host.CreateClient(TestTokens.Mint(OtherOrganisation, "ws-other-org"));
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void AssertSecondRequestCarriesNoCookie(WireMockServer upstream)
    {
        var requests = upstream.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("B81016", requests[1].Headers!["NHSD-End-User-Organisation-ODS"].Single());
        Assert.False(requests[1].Headers.ContainsKey("Cookie"), "user B's request carried user A's cookie");
    }
}
