using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>The gateway's composition registers the adapter (and its descriptor) only when it is configured; its descriptor never caches.</summary>
public sealed class ImmunisationRegistrationTests
{
    private static ServiceCollection Register(string? baseUrl)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Adapters:Immunisation:BaseUrl"] = baseUrl }).Build();
        var services = new ServiceCollection();
        services.AddLogging().AddImmunisationAdapter(config, onlyWhenConfigured: true);
        return services;
    }

    [Fact]
    public void OnlyWhenConfigured_WithoutBaseUrl_RegistersNeitherDescriptorNorPort()
    {
        var services = Register(null);

        Assert.DoesNotContain(services, s => s.ServiceType == typeof(AdapterDescriptor));
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(IImmunisationHistory));
    }

    [Fact]
    public void OnlyWhenConfigured_WithBaseUrl_RegistersItsNeverCachedDescriptorForThePort()
    {
        var services = Register("https://int.api.service.nhs.uk/immunisation-fhir-api/FHIR/R4/");

        var descriptor = Assert.IsType<AdapterDescriptor>(Assert.Single(services, s => s.ServiceType == typeof(AdapterDescriptor)).ImplementationInstance);
        Assert.Equal(typeof(IImmunisationHistory), descriptor.Port);
        Assert.False(descriptor.CacheProfile.Allows("Immunization"));
        Assert.Contains(services, s => s.ServiceType == typeof(IImmunisationHistory));
    }
}
