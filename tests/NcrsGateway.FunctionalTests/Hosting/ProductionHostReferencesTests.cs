using System.Reflection;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>Issue 10 item 1: the production host carries no sandbox and no WireMock, however deep the reference.</summary>
public sealed class ProductionHostReferencesTests
{
    [Fact]
    public void ProductionHost_TransitiveReferences_HoldNoWireMockAndNoSandbox()
    {
        var names = TransitiveReferences(typeof(GatewayApp).Assembly);

        Assert.Contains(names, n => n.StartsWith("NcrsGateway.Adapters.Pds", StringComparison.Ordinal)); // the walk does reach the adapters
        Assert.DoesNotContain(names, n => n.StartsWith("WireMock", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.StartsWith("NcrsGateway.Sandbox", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ProductionHost_GrantsTheSandboxNoInternals()
    {
        var friends = typeof(GatewayApp).Assembly.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .ToList();

        Assert.Contains(friends, f => f.StartsWith("NcrsGateway.FunctionalTests", StringComparison.Ordinal)); // the attributes are read
        Assert.DoesNotContain(friends, f => f.Contains("Sandbox", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ProductionAssemblies_GrantNoInternalsToEachOther()
    {
        // Projects use each other only through public contracts: friends may be test and benchmark assemblies only.
        var ours = TransitiveReferences(typeof(Sandbox.Host.SandboxApp).Assembly)
            .Where(n => n.StartsWith("NcrsGateway", StringComparison.Ordinal))
            .Append(typeof(Sandbox.Host.SandboxApp).Assembly.GetName().Name!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("NcrsGateway.Caching", ours); // the walk reaches the features

        var grants = ours
            .SelectMany(name => Assembly.Load(name).GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
                .Select(a => $"{name} -> {a.AssemblyName}"))
            .Where(grant => ours.Contains(grant[(grant.IndexOf(" -> ", StringComparison.Ordinal) + 4)..]))
            .ToList();

        Assert.Empty(grants);
    }

    [Fact]
    public void SandboxHost_TransitiveReferences_HoldTheSimulators()
    {
        var names = TransitiveReferences(typeof(Sandbox.Host.SandboxApp).Assembly);

        Assert.Contains(names, n => n.StartsWith("WireMock", StringComparison.Ordinal));
        Assert.Contains("NcrsGateway.Sandbox", names);
    }

    private static HashSet<string> TransitiveReferences(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || !seen.Add(name))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // A framework facade the test process never loads: its name is recorded, it has nothing of ours below it.
                }
            }
        }

        return seen;
    }
}
