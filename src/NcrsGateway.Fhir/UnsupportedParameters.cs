namespace NcrsGateway.Fhir;

/// <summary>
/// The OperationOutcome text for a query parameter a route does not support. The caller's parameter name is never
/// echoed (as on Immunization and AuditEvent): it is caller input that may hold an NHS number, a name or markup, and
/// the text reaches logs, audit tools and screens. The caller is told which parameters the route takes instead.
/// </summary>
public static class UnsupportedParameters
{
    /// <param name="subject">What is being searched or read, e.g. <c>Patient search</c>.</param>
    /// <param name="supported">The parameters the route takes, in the order to list them.</param>
    public static string Detail(string subject, IEnumerable<string> supported) =>
        $"A parameter of this {subject} is not supported (its name is not repeated here). Check the spelling of each parameter; supported: {string.Join(", ", supported)}.";
}
