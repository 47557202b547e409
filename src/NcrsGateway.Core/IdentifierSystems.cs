namespace NcrsGateway.Core;

/// <summary>The FHIR identifier systems of the national services: the one definition of each URI.</summary>
public static class IdentifierSystems
{
    /// <summary>NHS number.</summary>
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>ODS organisation code.</summary>
    public const string OdsOrganizationCode = "https://fhir.nhs.uk/Id/ods-organization-code";
}
