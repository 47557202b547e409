namespace NcrsGateway.Core.Model;

/// <summary>A national demographic record in the gateway's own terms.</summary>
public sealed record PatientRecord(
    PatientIdentity Identity,
    PatientAttributes Attributes,
    Sensitivity Sensitivity,
    Provenance Provenance);
