using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace NcrsGateway.Fhir;

/// <summary>
/// Describes exactly what the gateway serves, from the registered <see cref="ICapabilityContributor"/>s: a feature that
/// is absent (its adapter is not configured) contributes nothing. Functional tests compare this statement with the mapped
/// routes and the served OperationDefinitions (<c>Conformance/RouteCapabilityTests</c>) and with
/// <c>profiles/CapabilityStatement-NcrsGateway.json</c> (<c>Fhir/MetadataTests</c>).
/// </summary>
internal static class CapabilityStatementFactory
{
    public const string CanonicalUrl = "https://ncrs-gateway.nhs.example/fhir/CapabilityStatement/NcrsGateway";

    public static CapabilityStatement Create(string baseUrl, IEnumerable<ICapabilityContributor> contributors) => new()
    {
        Id = "NcrsGateway",
        Url = CanonicalUrl,
        Name = "NcrsGateway",
        Title = "NcrsGateway: one FHIR R4 endpoint for national NHS records (the parts this gateway is configured for)",
        Status = PublicationStatus.Active,
        Date = "2026-11-25",
        Publisher = "NcrsGateway maintainers",
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "NcrsGateway", Version = typeof(CapabilityStatementFactory).Assembly.GetName().Version?.ToString(3) },
        Implementation = new ImplementationComponent { Description = "NcrsGateway", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Documentation = RestDocumentation,
                Resource = Resources(contributors.ToList()),
                Security = Security(),
            },
        ],
    };

    /// <summary>What every read and search supports, whichever feature serves it (docs/api.md).</summary>
    public const string RestDocumentation =
        "Every read and search also answers HEAD. Every search is served as GET [type]?... and POST [type]/_search (application/x-www-form-urlencoded). "
        + "_summary (true, text, data, count) and _elements apply to reads and searches (results tagged SUBSETTED). "
        + "Unknown search parameters are refused unless the request sends Prefer: handling=lenient (they are then ignored and counted in an outcome entry). "
        + "Conditional reads: If-None-Match on the ETag, If-Modified-Since on Last-Modified.";

    private static List<ResourceComponent> Resources(List<ICapabilityContributor> contributors)
    {
        var resources = contributors.SelectMany(c => c.Resources()).ToList();
        foreach (var contributor in contributors)
        {
            contributor.Amend(resources);
        }

        return resources;
    }

    private static SecurityComponent Security() => new()
    {
        Description = "Every interaction except metadata needs an OAuth 2.0 / OIDC bearer token (JWT) carrying sub, role and ods claims; "
            + "roles: clinician (read, verify, select, launch), reader (read, verify), auditor (audit search).",
    };
}
