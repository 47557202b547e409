using Microsoft.Extensions.DependencyInjection;

namespace NcrsGateway.Sandbox;

/// <summary>The registered <see cref="ISandboxSimulator"/>s, read from a service collection before it is built.</summary>
public static class SandboxSimulators
{
    /// <summary>Every simulator <see cref="SandboxServiceCollectionExtensions.AddSandboxSimulators"/> registers.</summary>
    public static IReadOnlyList<ISandboxSimulator> All { get; } = From(new ServiceCollection().AddSandboxSimulators());

    /// <summary>
    /// The simulators registered in <paramref name="services"/>: the sandbox host must start them (and point the adapters at
    /// them) before the adapters register, so they are read from the collection rather than resolved.
    /// </summary>
    public static IReadOnlyList<ISandboxSimulator> From(IServiceCollection services) =>
        services
            .Where(s => s.ServiceType == typeof(ISandboxSimulator) && !s.IsKeyedService)
            .Select(s => s.ImplementationInstance as ISandboxSimulator
                ?? throw new InvalidOperationException($"Register {s.ImplementationType?.Name ?? "a sandbox simulator"} as an instance (ServiceDescriptor.Singleton<ISandboxSimulator>(new …())): the sandbox starts it before the container is built."))
            .ToList();
}
