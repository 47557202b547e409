namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>The code and identifier systems an immunisation record uses besides SNOMED CT (<see cref="CodedConcept.Snomed"/>).</summary>
public static class ImmunisationCodeSystems
{
    /// <summary>NHS Dictionary of medicines and devices (vaccine products).</summary>
    public const string Dmd = "https://dmd.nhs.uk";

    /// <summary>ODS organisation codes (performing organisation, vaccination site).</summary>
    public const string Ods = IdentifierSystems.OdsOrganizationCode;
}
