namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>This gateway instance's name in the support lookup (the host name, unless <c>Telemetry:InstanceName</c> names it).</summary>
/// <param name="Name">The instance's name: letters, digits and <c>- _ . :</c>.</param>
public sealed record RequestInstance(string Name);
