using NcrsGateway.Sandbox;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>One sandbox (all simulators, including the Immunisation FHIR API) shared by a test class.</summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxUpstreams Sandbox { get; } = SandboxUpstreams.Start();

    public void Dispose() => Sandbox.Dispose();
}
