using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NcrsGateway.Sandbox;

/// <summary>Registers the sandbox simulators (one <c>AddXxxSimulator</c> per simulated national API).</summary>
public static partial class SandboxServiceCollectionExtensions
{
    /// <summary>Every simulator this library has: the one list of them, read by the sandbox host.</summary>
    public static IServiceCollection AddSandboxSimulators(this IServiceCollection services) =>
        services
            .AddPdsSimulator()
            .AddNrlSimulator()
            .AddDocumentRepositorySimulator()
            .AddImmunisationSimulator()
            .AddMnsSimulator();

    /// <summary>Adds <paramref name="simulator"/> once (by type), as an instance: the sandbox starts it before the container is built.</summary>
    public static IServiceCollection AddSandboxSimulator(this IServiceCollection services, ISandboxSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(simulator));
        return services;
    }
}
