namespace NcrsGateway.Core.Model;

/// <summary>One search candidate with the national service's match score (0–1). The gateway never picks one.</summary>
public sealed record PatientMatch(PatientRecord Record, decimal? Score);
