using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Sandbox.Nrl;

namespace NcrsGateway.Sandbox;

public static partial class SandboxServiceCollectionExtensions
{
    /// <summary>The simulated NRL v3 consumer API, standing in for the <c>nrl</c> adapter.</summary>
    public static IServiceCollection AddNrlSimulator(this IServiceCollection services) =>
        services.AddSandboxSimulator(new NrlSandboxSimulator());

    /// <summary>The sandbox document repository the NRL pointers locate, standing in for the <c>documents</c> adapter.</summary>
    public static IServiceCollection AddDocumentRepositorySimulator(this IServiceCollection services) =>
        services.AddSandboxSimulator(new DocumentRepositorySandboxSimulator());
}
