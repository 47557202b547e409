using System.Text;
using System.Text.RegularExpressions;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>Failures: invalid input never sent, timeouts of headers and body, upstream statuses mapped to the taxonomy.</summary>
public abstract partial class AdapterConformanceTests<TPort, TResult, TOptions>
{
    [Fact]
    public async Task InvalidNhsNumber_IsRefusedBeforeAnyCall()
    {
        if (!Traits.TakesNhsNumber)
        {
            // The declaration is checked instead: an adapter whose port takes no NHS number cannot be handed an invalid one.
            var parameters = typeof(TPort).GetMethods().SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).ToList();
            Assert.DoesNotContain(typeof(NhsNumber), parameters);
            Assert.DoesNotContain(parameters, t => t.GetProperties().Any(p => p.PropertyType == typeof(NhsNumber)));
            return;
        }

        AnswerOk();

        var e = await Assert.ThrowsAsync<GatewayException>(() => CallAsync(BuildAdapter(), Context(), InvalidNhsNumber));

        Assert.Equal(GatewayErrors.InvalidNhsNumber, e.Error);
        Assert.Empty(Received);
    }

    [Fact]
    public async Task Wire_CarriesOnlyValidNhsNumbers()
    {
        AnswerOk();

        await CallAsync(BuildAdapter(), Context());

        Assert.NotEmpty(Received);
        foreach (var request in Received)
        {
            var wire = request.Url + "\n" + request.Body;
            var numbers = TenDigits().Matches(wire).Select(m => m.Value).ToList();
            Assert.All(numbers, n => Assert.True(NhsNumber.TryParse(n, out _), "An invalid NHS number was sent upstream."));
        }
    }

    [Fact]
    public async Task SlowHeaders_TimeOutAsUpstreamTimeout()
    {
        Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(MinimalValidResponse(ValidNhsNumber)).WithDelay(TimeSpan.FromSeconds(3)));

        var e = await Assert.ThrowsAsync<GatewayException>(() => CallAsync(BuildAdapter(new Dictionary<string, string?>(ShortTimeoutSettings)), Context()));

        Assert.Equal(GatewayErrors.UpstreamTimeout, e.Error);
    }

    [Fact]
    public async Task SlowBody_TimesOutAsUpstreamTimeout()
    {
        var pause = Traits.TimesOutIdleBodyOnly ? LongerThanIdleTimeout : TimeSpan.FromMilliseconds(300);
        using var upstream = new SlowDripUpstream("/", MinimalValidResponse(ValidNhsNumber), bytesPerDrip: 1, pause);

        var e = await Assert.ThrowsAsync<GatewayException>(() => CallAsync(BuildAdapter(new Dictionary<string, string?>(ShortTimeoutSettings), new Uri(upstream.BaseUrl)), Context()));

        Assert.Equal(GatewayErrors.UpstreamTimeout, e.Error);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task UpstreamStatus_IsMappedToTheTaxonomy(int status)
    {
        var retryAfter = status is 429 or 503 ? "30" : null;
        Answer(status, ErrorOutcome(status == 404 ? "not-found" : "processing"), retryAfter);
        var adapter = BuildAdapter(new Dictionary<string, string?>(NoRetrySettings));

        if (ExpectedError(status) is not { } expected)
        {
            await CallAsync(adapter, Context()); // the adapter declares this status a result, not an error
            return;
        }

        var e = await Assert.ThrowsAsync<GatewayException>(() => CallAsync(adapter, Context()));
        Assert.Equal(expected.Code, e.Error.Code);
        Assert.DoesNotContain(UpstreamDiagnostics, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(UpstreamDiagnostics, e.Detail ?? string.Empty, StringComparison.Ordinal);
        if (retryAfter is not null)
        {
            Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        }
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task UpstreamRedirect_IsNotFollowed_AndIsAnUpstreamError(int status)
    {
        // Where the redirect points: a path on the same stand-in that would answer, so following it would succeed.
        const string Elsewhere = "/elsewhere/";
        Server.Given(Request.Create().WithPath(p => p.StartsWith(Elsewhere, StringComparison.Ordinal)).UsingAnyMethod()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(MinimalValidResponse(ValidNhsNumber)));
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", Server.Url + Elsewhere + "followed"));

        var e = await Assert.ThrowsAsync<GatewayException>(() => CallAsync(BuildAdapter(new Dictionary<string, string?>(NoRetrySettings)), Context()));

        Assert.Equal((ExpectedError(status) ?? GatewayErrors.UpstreamError).Code, e.Error.Code);
        Assert.Contains("redirect", e.Detail ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(Received);
        Assert.DoesNotContain(Received, r => r.Path.StartsWith(Elsewhere, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<!\d)\d{10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigits();
}
