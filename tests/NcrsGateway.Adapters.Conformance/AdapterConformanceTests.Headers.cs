using NcrsGateway.Core;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>Headers: correlation, request ID (one per logical request, the same on retries), ODS and the keyed token.</summary>
public abstract partial class AdapterConformanceTests<TPort, TResult, TOptions>
{
    [Fact]
    public async Task Request_CarriesTheCallersCorrelationId()
    {
        AnswerOk();
        var context = Context();

        await CallAsync(BuildAdapter(), context);

        Assert.NotEmpty(Received);
        Assert.All(Received, r => Assert.Equal([context.CorrelationId], HeaderValues(r, KnownHeaders.CorrelationId)));
    }

    [Fact]
    public async Task Request_CarriesExactlyOneRequestIdPerLogicalRequest()
    {
        AnswerOk();
        var adapter = BuildAdapter();

        await CallAsync(adapter, Context());
        await CallAsync(adapter, Context());

        Assert.Equal(2, Received.Count);
        var ids = Received.Select(r => Assert.Single(HeaderValues(r, KnownHeaders.RequestId))).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task Retry_After503_ReusesTheRequestId()
    {
        if (!Traits.RetriesTransientFailures)
        {
            // The declaration is checked instead: one request, and the 503 reaches the caller mapped, never replayed.
            Answer(503, ErrorOutcome("transient"));
            var refused = await Assert.ThrowsAsync<GatewayException>(() => CallAsync(BuildAdapter(), Context()));
            Assert.Equal(GatewayErrors.UpstreamUnavailable.Code, refused.Error.Code);
            Assert.Single(HeaderValues(Assert.Single(Received), KnownHeaders.RequestId));
            return;
        }

        Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .InScenario("retry").WillSetStateTo("recovered")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503).WithBody(ErrorOutcome("transient")));
        Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .InScenario("retry").WhenStateIs("recovered")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(MinimalValidResponse(ValidNhsNumber)));

        await CallAsync(BuildAdapter(new Dictionary<string, string?> { ["MaxRetries"] = "2" }), Context());

        Assert.Equal(2, Received.Count);
        var ids = Received.Select(r => Assert.Single(HeaderValues(r, KnownHeaders.RequestId))).ToList();
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Request_CarriesTheCallersOdsOrTheConfiguredOne()
    {
        AnswerOk();
        var adapter = BuildAdapter();

        await CallAsync(adapter, Context(CallerOds));
        await CallAsync(adapter, Context(ods: null));

        Assert.Equal(2, Received.Count);
        Assert.Equal([CallerOds], HeaderValues(Received[0], KnownHeaders.EndUserOrganisationOds));
        Assert.Equal([ConfiguredOds], HeaderValues(Received[1], KnownHeaders.EndUserOrganisationOds));
    }

    [Fact]
    public async Task Request_CarriesTheTokenFromTheKeyedProvider()
    {
        AnswerOk();
        var overrides = new Dictionary<string, string?>();
        if (Traits.StaticTokenSetting is { } setting)
        {
            overrides[setting] = "static-config-token"; // the keyed provider must win over the adapter's own static token
        }

        await CallAsync(BuildAdapter(overrides), Context());

        Assert.NotEmpty(Received);
        Assert.All(Received, r => Assert.Equal(["Bearer " + Token], HeaderValues(r, "Authorization")));
    }
}
