using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Nrl.Tests;

public sealed class NrlOptionsRulesTests
{
    [Theory]
    [InlineData("https://api.service.nhs.uk/record-locator/consumer/FHIR/R4/", null, true)]
    [InlineData("https://api.service.nhs.uk/record-locator/consumer/FHIR/R4", null, true)] // a missing trailing slash is added (issue 9 item 19)
    [InlineData("https://api.service.nhs.uk/personal-demographics/FHIR/R4/", null, false)]
    [InlineData("https://api.service.nhs.uk/record-locator/consumer/FHIR/R4/", "true", false)]
    [InlineData("http://localhost:5001/record-locator/consumer/FHIR/R4/", "true", true)]
    [InlineData("http://127.0.0.1:5001/record-locator/consumer/FHIR/R4/", null, true)]
    [InlineData("http://api.service.nhs.uk/record-locator/consumer/FHIR/R4/", null, false)] // plain http off loopback
    [InlineData("http://10.1.2.3/record-locator/consumer/FHIR/R4/", null, false)]
    public void Validate_BaseUrlAndHttpAllowance_AcceptsOnlySafeCombinations(string baseUrl, string? allowHttp, bool valid)
    {
        using var host = new NrlTestHost(new Uri(baseUrl), new Dictionary<string, string?> { ["Adapters:Nrl:AllowHttpContentUrls"] = allowHttp });

        var read = () => host.Services.GetRequiredService<IOptions<NrlOptions>>().Value;

        if (valid)
        {
            Assert.NotNull(read());
        }
        else
        {
            Assert.Throws<OptionsValidationException>(read);
        }
    }

    [Theory]
    [InlineData("Adapters:Nrl:EndUserOrganisationOds", "not an ods!", "EndUserOrganisationOds")]
    [InlineData("Adapters:Nrl:MaxRetries", "9", "MaxRetries")]
    [InlineData("Adapters:Nrl:BreakDuration", "00:00:00.100", "BreakDuration")]
    [InlineData("Adapters:Nrl:TotalTimeout", "00:00:01", "at least AttemptTimeout")]
    public void Validate_InvalidSharedSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        using var host = new NrlTestHost(new Uri("https://api.service.nhs.uk/record-locator/consumer/FHIR/R4/"), new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<NrlOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UnknownKey_IsRejected()
    {
        using var host = new NrlTestHost(new Uri("https://api.service.nhs.uk/record-locator/consumer/FHIR/R4/"), new Dictionary<string, string?> { ["Adapters:Nrl:BaseUri"] = "https://x/" });

        Assert.ThrowsAny<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<NrlOptions>>().Value);
    }
}
