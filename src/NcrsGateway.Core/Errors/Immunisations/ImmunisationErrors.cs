namespace NcrsGateway.Core.Errors;

/// <summary>
/// Taxonomy entries only the immunisation feature raises. Part of <see cref="GatewayErrors"/>' taxonomy (same code
/// system, stable codes); kept in its own file so the adapter could be added without editing the shared list.
/// </summary>
public static class ImmunisationErrors
{
    public static readonly GatewayError VaccineTypeNotPermitted = new(
        "vaccine-type-not-permitted", 403, "forbidden",
        "Your organisation is not set up to view this type of vaccination through the national immunisation service. Ask for fewer vaccine types, or ask your local administrator or the patient's GP practice for the information another way.",
        FailureCategory.AccessRefused);
}
