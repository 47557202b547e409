using NcrsGateway.Core.Model;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// A national demographics service. Implementations throw <see cref="Errors.GatewayException"/>
/// for every failure, never return null for a missing patient, and never pick a search match.
/// </summary>
public interface IDemographicsSource
{
    Task<PatientRecord> ReadAsync(NhsNumber nhsNumber, RequestContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<PatientMatch>> SearchAsync(PatientSearchQuery query, RequestContext context, CancellationToken cancellationToken);
}
