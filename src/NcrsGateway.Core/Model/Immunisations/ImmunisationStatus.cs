namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>The FHIR Immunization status of a recorded event.</summary>
public enum ImmunisationStatus
{
    /// <summary>The vaccination was given.</summary>
    Completed,

    /// <summary>The vaccination was recorded as not given.</summary>
    NotDone,
}
