namespace NcrsGateway.Fhir;

/// <summary>
/// A feature's routes: a DI collection entry (<c>TryAddEnumerable</c>) registered by the feature's <c>AddXxx()</c> only
/// when the feature is present; <see cref="FhirRouteExtensions.MapFhir"/> maps every entry into the root <c>/fhir</c> group.
/// </summary>
public interface IFhirEndpoints
{
    /// <param name="fhir">The root <c>/fhir</c> group (its metadata: audited, FHIR JSON, no-store).</param>
    void Map(RouteGroupBuilder fhir);
}
