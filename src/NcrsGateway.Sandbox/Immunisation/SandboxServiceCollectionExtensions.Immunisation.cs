using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Sandbox.Immunisation;

namespace NcrsGateway.Sandbox;

public static partial class SandboxServiceCollectionExtensions
{
    /// <summary>The simulated Immunisation FHIR API, standing in for the <c>immunisation</c> adapter.</summary>
    public static IServiceCollection AddImmunisationSimulator(this IServiceCollection services) =>
        services.AddSandboxSimulator(new ImmunisationSandboxSimulator());
}
