using System.Net;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>
/// <c>Documents:IdleReadTimeout</c>: a repository that sends its headers and then stalls is cut off. Nothing sent
/// to the caller yet: 504 <c>upstream-timeout</c>. Body started: the response is aborted, never silently truncated.
/// </summary>
public sealed class BinaryIdleReadTimeoutTests : IDisposable
{
    private const string PointerId = "RA901-7b2e4c1d-0a9f-4e3b-8c5d-6f1a2b3c4d5e";
    private readonly NrlUpstream _nrl = new();

    public void Dispose() => _nrl.Dispose();

    [Fact]
    public async Task Download_RepositoryStallsAfterItsHeaders_Returns504UpstreamTimeout()
    {
        using var repository = new StallingRepository();
        await using var host = await StartAsync(repository);

        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Binary/{PointerId}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.GatewayTimeout, "upstream-timeout");
        Assert.Equal(1, repository.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Download_RepositoryStallsMidBody_AbortsTheResponseSoNoTruncatedFileLooksComplete(bool chunked)
    {
        using var repository = new StallingRepository(bodyPrefix: 4096, chunked: chunked);
        await using var host = await StartAsync(repository);
        using var client = host.CreateClinicianClient();

        using var response = await client.GetAsync($"fhir/Binary/{PointerId}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await Record.ExceptionAsync(() => response.Content.ReadAsByteArrayAsync());

        Assert.True(read is HttpRequestException or IOException, $"The caller read the truncated body as complete ({read?.GetType().Name ?? "no error"}).");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.500")]
    [InlineData("01:00:00")]
    public async Task Start_IdleReadTimeoutOutOfRange_IsRefusedNamingTheKey(string value)
    {
        var settings = _nrl.Settings();
        settings["Documents:IdleReadTimeout"] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("IdleReadTimeout", error.Message, StringComparison.Ordinal);
    }

    private async Task<GatewayHost> StartAsync(StallingRepository repository)
    {
        _nrl.Server.Given(_nrl.ReadOf(PointerId))
            .RespondWith(NrlUpstream.Fhir(NrlUpstream.Pointer(PointerId, "9434765919", repository.Url("/stalling/plan.pdf"))));
        var settings = _nrl.Settings();
        settings["Documents:AllowedHosts:0"] = repository.Authority;
        settings["Documents:AllowHttp"] = "true";
        settings["Documents:IdleReadTimeout"] = "00:00:01";
        return await GatewayHost.StartAsync(settings);
    }
}
