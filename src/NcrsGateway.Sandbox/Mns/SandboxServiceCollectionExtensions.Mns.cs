using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Sandbox.Mns;

namespace NcrsGateway.Sandbox;

public static partial class SandboxServiceCollectionExtensions
{
    /// <summary>The simulated MNS subscription API, standing in for the <c>mns</c> adapter; it counts creates.</summary>
    public static IServiceCollection AddMnsSimulator(this IServiceCollection services) =>
        services.AddSandboxSimulator(new MnsSandboxSimulator());
}
