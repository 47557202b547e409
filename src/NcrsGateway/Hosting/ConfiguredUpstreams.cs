using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Hosting;

/// <summary>
/// Which national services this gateway has, derived from the registered <see cref="AdapterDescriptor"/>s (an adapter
/// registers one only when configured). The composition maps a feature's routes and lists it in the CapabilityStatement
/// only when an adapter serves its port: an unconfigured adapter is simply absent, never simulated.
/// </summary>
internal sealed record ConfiguredUpstreams(bool Demographics, bool RecordLocator)
{
    /// <summary>Patient search with <c>_revinclude=DocumentReference:subject</c> needs both.</summary>
    public bool PatientWithPointers => Demographics && RecordLocator;

    public static ConfiguredUpstreams From(IServiceCollection services)
    {
        var descriptors = services
            .Where(s => s.ServiceType == typeof(AdapterDescriptor) && s.ImplementationInstance is AdapterDescriptor)
            .Select(s => (AdapterDescriptor)s.ImplementationInstance!)
            .ToList();
        return new(descriptors.Serve<IDemographicsSource>(), descriptors.Serve<IRecordLocator>());
    }
}
