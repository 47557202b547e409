using NcrsGateway.Sandbox;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>One sandbox (NRL + document repository simulators) shared by a test class.</summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxUpstreams Sandbox { get; } = SandboxUpstreams.Start();

    public void Dispose() => Sandbox.Dispose();
}
