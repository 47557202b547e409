using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>The port of the kit's own probe adapter: reads one patient's name. Takes a raw NHS number, so it must check it.</summary>
public interface IProbeSource
{
    Task<ProbeResult> ReadAsync(string nhsNumber, RequestContext context, CancellationToken cancellationToken);
}
