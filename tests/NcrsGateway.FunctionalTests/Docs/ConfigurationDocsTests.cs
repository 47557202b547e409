using System.Reflection;

namespace NcrsGateway.FunctionalTests.Docs;

/// <summary>docs/configuration.md documents every key the gateway binds, and nothing it does not.</summary>
public sealed class ConfigurationDocsTests
{
    [Fact]
    public void EveryProductionAssembly_IsLoadedByTheseTests()
    {
        var missing = new List<string>();
        foreach (var name in BoundConfigurationKeys.ProductionProjectNames())
        {
            try
            {
                Assembly.Load(new AssemblyName(name));
            }
            catch (FileNotFoundException)
            {
                missing.Add(name);
            }
        }

        Assert.True(missing.Count == 0,
            "Reference these projects from NcrsGateway.FunctionalTests so their configuration keys are checked: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryBoundConfigurationKey_IsInTheConfigurationTable()
    {
        var table = ConfigurationTable.Load();

        var undocumented = BoundConfigurationKeys.All()
            .Where(key => !table.Keys.Any(documented => ConfigurationTable.Matches(documented, key)))
            .ToList();

        Assert.True(undocumented.Count == 0, "Add to the table in docs/configuration.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void EveryKeyInTheConfigurationTable_IsBoundByTheGateway()
    {
        var bound = BoundConfigurationKeys.All();

        var stale = ConfigurationTable.Load().Keys
            .Where(documented => !bound.Any(key => ConfigurationTable.Matches(documented, key)))
            .ToList();

        Assert.True(stale.Count == 0, "docs/configuration.md documents keys nothing binds (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void BoundKeys_IncludeNestedObjectsDictionariesAndAdapterSections()
    {
        var bound = BoundConfigurationKeys.All();

        Assert.Contains("RateLimits:PerClient:TokenLimit", bound);
        Assert.Contains("Authentication:Cis2:RoleMap:{name}", bound);
        Assert.Contains("Adapters:Pds:BaseUrl", bound);
        Assert.DoesNotContain("Redis:IsConfigured", bound);
    }
}
