using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Documents.Tests;

public sealed class DocumentTargetResolverTests
{
    private static DocumentTargetResolver Resolver(Action<DocumentsOptions> configure) => new(TestOptions.Monitor(configure));

    private static DocumentContent Content(string url, string? asid = null) => new(new Uri(url), "application/pdf", null, asid);

    [Theory]
    [InlineData("repo.example.nhs.uk", "https://repo.example.nhs.uk/docs/1.pdf")]
    [InlineData("REPO.example.nhs.uk", "https://repo.example.nhs.uk/docs/1.pdf")]
    [InlineData("repo.example.nhs.uk:8443", "https://repo.example.nhs.uk:8443/docs/1.pdf")]
    public void Resolve_AllowListedHttpsUrl_IsFetchedDirectly(string allowed, string url)
    {
        var target = Resolver(o => o.AllowedHosts = [allowed]).Resolve(Content(url));

        Assert.Equal(new Uri(url), target.Url);
        Assert.False(target.ViaSpineSecureProxy);
        Assert.Equal(new Uri(url).Authority, target.RepositoryHost);
        Assert.Equal("application/pdf", target.ContentType);
    }

    [Theory]
    [InlineData("https://evil.example/docs/1.pdf")]
    [InlineData("https://repo.example.nhs.uk.evil.example/docs/1.pdf")]
    [InlineData("https://repo.example.nhs.uk:8443/docs/1.pdf")]
    [InlineData("https://user:secret@repo.example.nhs.uk/docs/1.pdf")]
    [InlineData("http://repo.example.nhs.uk/docs/1.pdf")]
    [InlineData("ftp://repo.example.nhs.uk/docs/1.pdf")]
    public void Resolve_UrlOffTheAllowList_IsRefused(string url)
    {
        var e = Assert.Throws<GatewayException>(() => Resolver(o => o.AllowedHosts = ["repo.example.nhs.uk"]).Resolve(Content(url)));

        Assert.Equal(GatewayErrors.DocumentHostNotAllowed, e.Error);
    }

    [Fact]
    public void Resolve_HttpUrl_IsFetchedOnlyWithAllowHttp()
    {
        var content = Content("http://127.0.0.1:5080/documents/1.pdf");

        Assert.Throws<GatewayException>(() => Resolver(o => o.AllowedHosts = ["127.0.0.1:5080"]).Resolve(content));
        Assert.Equal(content.Url, Resolver(o => { o.AllowedHosts = ["127.0.0.1:5080"]; o.AllowHttp = true; }).Resolve(content).Url);
    }

    [Fact]
    public void Resolve_NoAllowedHosts_RefusesEveryDirectUrl()
    {
        var e = Assert.Throws<GatewayException>(() => Resolver(_ => { }).Resolve(Content("https://repo.example.nhs.uk/1.pdf")));

        Assert.Equal(GatewayErrors.DocumentHostNotAllowed, e.Error);
    }

    [Fact]
    public void Resolve_SspUrl_GoesOnlyToTheProxyWithTheHttpsUrlAsOneEncodedSegment()
    {
        var resolver = Resolver(o => { o.SspBaseUrl = new Uri("https://proxy.spine.example.nhs.uk/ssp/"); o.SspFromAsid = "200000000001"; });

        var target = resolver.Resolve(Content("ssp://repo.example.nhs.uk/docs/1.pdf?x=1", asid: "918999198738"));

        Assert.Equal("https://proxy.spine.example.nhs.uk/ssp/https%3A%2F%2Frepo.example.nhs.uk%2Fdocs%2F1.pdf%3Fx%3D1", target.Url.OriginalString);
        Assert.True(target.ViaSpineSecureProxy);
        Assert.Equal("918999198738", target.SpineAsid);
        Assert.Equal("repo.example.nhs.uk", target.RepositoryHost);
    }

    [Theory]
    [InlineData(false, "918999198738")]
    [InlineData(true, null)]
    public void Resolve_SspUrlWithoutProxyOrAsid_IsRefused(bool proxyConfigured, string? asid)
    {
        var resolver = Resolver(o =>
        {
            o.AllowedHosts = ["repo.example.nhs.uk"];
            o.SspBaseUrl = proxyConfigured ? new Uri("https://proxy.spine.example.nhs.uk/") : null;
        });

        var e = Assert.Throws<GatewayException>(() => resolver.Resolve(Content("ssp://repo.example.nhs.uk/docs/1.pdf", asid)));

        Assert.Equal(GatewayErrors.DocumentHostNotAllowed, e.Error);
    }
}
