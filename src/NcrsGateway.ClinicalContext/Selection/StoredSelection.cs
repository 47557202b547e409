namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>A selection and the state it was in when it was looked up.</summary>
internal sealed record StoredSelection(PatientSelection Selection, SelectionState State);
