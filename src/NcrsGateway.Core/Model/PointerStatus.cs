namespace NcrsGateway.Core.Model;

/// <summary>The FHIR DocumentReference status of a pointer.</summary>
public enum PointerStatus
{
    Current,
    Superseded,
    EnteredInError,
}
