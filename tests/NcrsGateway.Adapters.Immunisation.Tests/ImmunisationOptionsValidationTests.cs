using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Immunisation.Tests;

public sealed class ImmunisationOptionsValidationTests
{
    private const string ValidUrl = "https://int.api.service.nhs.uk/immunisation-fhir-api/FHIR/R4/";

    private static ImmunisationOptions Resolve(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddImmunisationAdapter(config);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ImmunisationOptions>>().Value;
    }

    [Fact]
    public void Options_ValidBaseUrl_AreAccepted()
    {
        var options = Resolve(new() { ["Adapters:Immunisation:BaseUrl"] = ValidUrl });
        Assert.Equal("int.api.service.nhs.uk", options.BaseUrl!.Host);
    }

    [Theory]
    [InlineData("Adapters:Immunisation:BaseUrl", "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/", "Immunisation FHIR API")]
    [InlineData("Adapters:Immunisation:BaseUrl", "ftp://int.api.service.nhs.uk/immunisation-fhir-api/FHIR/R4/", "absolute http(s) URL")]
    [InlineData("Adapters:Immunisation:BaseUrl", "immunisation-fhir-api/FHIR/R4/", "absolute http(s) URL")]
    [InlineData("Adapters:Immunisation:TotalTimeout", "00:00:01", "at least AttemptTimeout")]
    [InlineData("Adapters:Immunisation:EndUserOrganisationOds", "not an ods!", "EndUserOrganisationOds")]
    [InlineData("Adapters:Immunisation:MaxRetries", "9", "MaxRetries")]
    public void Options_InvalidValue_FailsWithAMessageNamingTheProblem(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Adapters:Immunisation:BaseUrl"] = ValidUrl, [key] = value };

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnknownKey_IsRejected()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Immunisation:BaseUrl"] = ValidUrl,
            ["Adapters:Immunisation:BaseUri"] = "typo",
        };

        var error = Assert.Throws<InvalidOperationException>(() => Resolve(settings));
        Assert.Contains("BaseUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Type_IsSealed()
    {
        Assert.True(typeof(ImmunisationOptions).IsSealed);
    }
}
