using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Sandbox.Pds;

namespace NcrsGateway.Sandbox;

public static partial class SandboxServiceCollectionExtensions
{
    /// <summary>The simulated PDS FHIR R4 API, standing in for the <c>pds</c> adapter.</summary>
    public static IServiceCollection AddPdsSimulator(this IServiceCollection services) =>
        services.AddSandboxSimulator(new PdsSandboxSimulator());
}
