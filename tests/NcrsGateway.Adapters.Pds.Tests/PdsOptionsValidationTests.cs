using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Pds;

namespace NcrsGateway.Adapters.Pds.Tests;

public sealed class PdsOptionsValidationTests
{
    private static PdsOptions Resolve(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddPdsAdapter(config);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PdsOptions>>().Value;
    }

    [Fact]
    public void Options_ValidBaseUrl_AreAccepted()
    {
        var options = Resolve(new() { ["Adapters:Pds:BaseUrl"] = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/" });
        Assert.Equal("int.api.service.nhs.uk", options.BaseUrl!.Host);
    }

    [Theory]
    [InlineData("https://int.api.service.nhs.uk/personal-demographics/FHIR/R4")]
    [InlineData("https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/")]
    public void Options_BaseUrlWithOrWithoutTrailingSlash_IsAcceptedAndResolvesUnderIt(string baseUrl)
    {
        var options = Resolve(new() { ["Adapters:Pds:BaseUrl"] = baseUrl });

        Assert.Equal("https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/", options.BaseUrl!.AbsoluteUri);
        Assert.Equal("https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/Patient/9000000009", new Uri(options.BaseUrl, "Patient/9000000009").AbsoluteUri);
    }

    [Theory]
    [InlineData("Adapters:Pds:BaseUrl", "ftp://int.api.service.nhs.uk/personal-demographics/FHIR/R4/", "absolute http(s) URL")]
    [InlineData("Adapters:Pds:TotalTimeout", "00:00:01", "at least AttemptTimeout")]
    [InlineData("Adapters:Pds:EndUserOrganisationOds", "not an ods!", "EndUserOrganisationOds")]
    [InlineData("Adapters:Pds:MaxRetries", "9", "MaxRetries")]
    [InlineData("Adapters:Pds:RequestsPerSecond", "0", "RequestsPerSecond")]
    [InlineData("Adapters:Pds:Burst", "0", "Burst")]
    [InlineData("Adapters:Pds:MaxBudgetWait", "00:01:00", "MaxBudgetWait")]
    public void Options_InvalidValue_FailsWithAMessageNamingTheProblem(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Adapters:Pds:BaseUrl"] = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/", [key] = value };

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RequestBudget_DefaultsToTheDescriptorsFiveASecondAndConfigurationOverridesIt()
    {
        var defaults = Resolve(new() { ["Adapters:Pds:BaseUrl"] = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/" });
        var raised = Resolve(new()
        {
            ["Adapters:Pds:BaseUrl"] = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/",
            ["Adapters:Pds:RequestsPerSecond"] = "20",
            ["Adapters:Pds:Burst"] = "4",
        });

        Assert.Equal(PdsServiceCollectionExtensions.Descriptor.Budget, new NcrsGateway.Core.Adapters.RequestBudget(defaults.RequestsPerSecond, defaults.Burst));
        Assert.Equal(5, defaults.RequestsPerSecond);
        Assert.Equal(1, defaults.Burst);
        Assert.Equal(TimeSpan.FromSeconds(2), defaults.MaxBudgetWait);
        Assert.Equal((20d, 4), (raised.RequestsPerSecond, raised.Burst));
    }

    [Fact]
    public void Options_UnknownKey_IsRejected()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/",
            ["Adapters:Pds:BaseUri"] = "typo",
        };

        Assert.Throws<InvalidOperationException>(() => Resolve(settings));
    }
}
