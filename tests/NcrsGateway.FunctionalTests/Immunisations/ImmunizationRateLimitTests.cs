using System.Net;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Immunisations;

/// <summary>The Immunization search passes through the same inbound rate limits as every other FHIR request: it is not exempt.</summary>
public sealed class ImmunizationRateLimitTests
{
    [Fact]
    public async Task Search_OverThePerOrganisationLimit_Is429WithRetryAfter_NotExempt()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:PerOrganisation:TokenLimit"] = "2",
            ["RateLimits:PerOrganisation:TokensPerPeriod"] = "1",
            ["RateLimits:PerOrganisation:ReplenishmentPeriod"] = "00:05:00",
        });
        using var client = host.CreateClinicianClient();
        var url = $"fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Search}&-immunization.target=MMR";

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        using var third = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await FhirAssert.OutcomeAsync(third, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
