using Hl7.Fhir.Model;

namespace NcrsGateway.Demographics;

/// <summary>A national record as a caller reads it: the Patient, where its data came from, and whether the number asked for was superseded.</summary>
/// <param name="CurrentLocation">The survivor's URL (<c>{base}/Patient/{current}</c>) when the number read was superseded; else null.</param>
public sealed record PatientRead(Patient Patient, Core.Model.Provenance Provenance, string? CurrentLocation);
