using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// Issue 10 item 2: with audit, format and no-store decided by endpoint metadata, a request no FHIR endpoint takes
/// lands on the <c>/fhir</c> group's fallback and keeps the group's rules: audited as <c>other</c>, no-store, an
/// OperationOutcome; a known path with the wrong method is 405 with <c>Allow</c>; metadata stays unaudited.
/// </summary>
public sealed class FhirFallbackAuditTests(AuditGatewayFixture fixture) : IClassFixture<AuditGatewayFixture>
{
    private readonly GatewayHost _host = fixture.Host;

    [Fact]
    public async Task WrongMethodOnAFhirRoute_Is405WithAllow_AndAuditedAsOther()
    {
        var user = "method-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using (var post = await clinician.PostAsync($"fhir/Patient/{SandboxPatients.Minimal}", null))
        {
            Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order(StringComparer.Ordinal));
            Assert.True(post.Headers.CacheControl?.NoStore);
            await FhirAssert.OutcomeAsync(post, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        }

        var audit = await SingleRowAsync(user);
        Assert.Equal("other", audit.Subtype.Single().Code);
        Assert.Equal("method-not-allowed", audit.OutcomeDesc);
        Assert.Equal("POST 405", Detail(audit, "detail"));
    }

    [Theory]
    [InlineData("fhir/Observation/1")]
    [InlineData("fhir")]
    [InlineData("FHIR/Nothing/here.json")]
    public async Task UnknownFhirRoute_Is404NoStore_AndAuditedAsOther(string path)
    {
        var user = "unknown-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using (var get = await clinician.GetAsync(path))
        {
            Assert.True(get.Headers.CacheControl?.NoStore);
            await FhirAssert.OutcomeAsync(get, HttpStatusCode.NotFound, "not-found");
        }

        var audit = await SingleRowAsync(user);
        Assert.Equal("other", audit.Subtype.Single().Code);
        Assert.Equal("GET 404", Detail(audit, "detail"));
    }

    [Fact]
    public async Task Metadata_IsNotAuditedAndMayBeStored()
    {
        var user = "metadata-" + Guid.NewGuid().ToString("N")[..8];
        using var clinician = Client(user, "clinician");
        using (var metadata = await clinician.GetAsync("fhir/metadata"))
        {
            Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
            Assert.NotEqual(true, metadata.Headers.CacheControl?.NoStore);
        }

        Assert.Empty((await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry);
    }

    private static string? Detail(AuditEvent audit, string type) =>
        audit.Entity.SelectMany(e => e.Detail).SingleOrDefault(d => d.Type == type)?.Value?.ToString();

    private async Task<AuditEvent> SingleRowAsync(string user) =>
        Assert.IsType<AuditEvent>(Assert.Single((await SearchAsync($"fhir/AuditEvent?agent={user}")).Entry).Resource);

    private async Task<Bundle> SearchAsync(string url)
    {
        using var auditor = Client("auditor-fallback", "auditor");
        using var response = await auditor.GetAsync(url);
        return await FhirAssert.ResourceAsync<Bundle>(response);
    }

    private HttpClient Client(string user, string role)
    {
        var client = _host.CreateClient();
        TestAuth.Authenticate(client, user, role);
        return client;
    }
}
