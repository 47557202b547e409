using System.Net.Http.Headers;

namespace NcrsGateway.Adapters.Documents.Tests;

public sealed class DocumentResponseHeadersTests
{
    private const string PointerId = "RX898-1234";

    private static readonly DocumentTarget Target = new(new Uri("https://repo.example.nhs.uk/1.pdf"), null, "application/pdf", "repo.example.nhs.uk");

    private static IHeaderDictionary Apply(HttpResponseMessage upstream, DocumentTarget? target = null)
    {
        var http = new DefaultHttpContext();
        DocumentResponseHeaders.Apply(http.Response, upstream, target ?? Target, PointerId);
        return http.Response.Headers;
    }

    private static HttpResponseMessage Upstream(string? contentType = "application/pdf")
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
        if (contentType is not null)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return response;
    }

    [Fact]
    public void Apply_HostileRepositoryHeaders_NoneReachesTheCaller()
    {
        using var upstream = Upstream();
        upstream.Headers.TryAddWithoutValidation("Access-Control-Allow-Origin", "*");
        upstream.Headers.TryAddWithoutValidation("Set-Cookie", "session=abc");
        upstream.Headers.TryAddWithoutValidation("Via", "1.1 internal-repo-01.trust.local");
        upstream.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"internal\"");
        upstream.Headers.TryAddWithoutValidation("Location", "https://elsewhere.example/");
        upstream.Headers.TryAddWithoutValidation("Cache-Control", "public, max-age=31536000");

        var headers = Apply(upstream);

        foreach (var name in new[] { "Access-Control-Allow-Origin", "Set-Cookie", "Via", "WWW-Authenticate", "Location" })
        {
            Assert.False(headers.ContainsKey(name), name + " reached the caller");
        }

        Assert.Equal("no-store, private", headers.CacheControl.ToString());
    }

    [Fact]
    public void Apply_ValidatorsAndLanguage_AreKeptAndTheGatewaysOwnPolicyIsSet()
    {
        using var upstream = Upstream();
        upstream.Headers.ETag = new EntityTagHeaderValue("\"v2\"");
        upstream.Headers.AcceptRanges.Add("bytes");
        upstream.Content.Headers.ContentLanguage.Add("en-GB");
        upstream.Content.Headers.LastModified = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        var headers = Apply(upstream);

        Assert.Equal("\"v2\"", headers.ETag.ToString());
        Assert.Equal("bytes", headers.AcceptRanges.ToString());
        Assert.Equal("en-GB", headers.ContentLanguage.ToString());
        Assert.Equal("Wed, 01 May 2024 12:00:00 GMT", headers.LastModified.ToString());
        Assert.Equal("application/pdf", headers.ContentType.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal(DocumentResponseHeaders.ContentSecurityPolicy, headers.ContentSecurityPolicy.ToString());
        Assert.Equal($"attachment; filename=\"{PointerId}.pdf\"; filename*=UTF-8''{PointerId}.pdf", headers.ContentDisposition.ToString());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("application/javascript")]
    [InlineData("multipart/mixed; boundary=x")]
    public void Apply_ActiveContent_IsServedAsAnOctetStream(string contentType)
    {
        using var upstream = Upstream(contentType);

        var headers = Apply(upstream);

        Assert.Equal(DocumentResponseHeaders.SafeMediaType, headers.ContentType.ToString());
        Assert.StartsWith("attachment;", headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NoContentTypeFromTheRepository_UsesThePointersAndKeepsASafeCharset()
    {
        using var upstream = Upstream(contentType: null);
        var target = Target with { ContentType = "text/plain" };

        Assert.Equal("text/plain", Apply(upstream, target).ContentType.ToString());

        using var withCharset = Upstream("text/plain; charset=utf-8");
        Assert.Equal("text/plain; charset=utf-8", Apply(withCharset).ContentType.ToString());
    }

    [Fact]
    public void Apply_PassedHeaderWithControlCharacters_IsDropped()
    {
        using var upstream = Upstream();
        upstream.Headers.TryAddWithoutValidation("ETag", "\"v1\"\u0001");

        Assert.False(Apply(upstream).ContainsKey("ETag"));
    }
}
