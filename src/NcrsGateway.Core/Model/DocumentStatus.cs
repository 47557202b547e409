namespace NcrsGateway.Core.Model;

/// <summary>The status of the record a pointer locates (FHIR composition-status, DocumentReference.docStatus).</summary>
public enum DocumentStatus
{
    Preliminary,
    Final,
    Amended,
    EnteredInError,
}
