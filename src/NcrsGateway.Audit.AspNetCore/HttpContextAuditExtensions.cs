using NcrsGateway.Core;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>What an endpoint tells the audit middleware about its request.</summary>
public static class HttpContextAuditExtensions
{
    /// <summary>
    /// Names a patient this request is about, or whose data its response holds, in its audit row. Call once per patient:
    /// the first named is the row's patient, later ones are listed with it (repeats ignored), and every one is searchable.
    /// </summary>
    public static void AuditPatient(this HttpContext http, NhsNumber nhsNumber) =>
        http.Features.Get<AuditContext>()?.AddPatient(nhsNumber);

    /// <summary>Names every patient a response holds (for example each match of a demographic search), in order.</summary>
    public static void AuditPatients(this HttpContext http, IEnumerable<NhsNumber> nhsNumbers)
    {
        if (http.Features.Get<AuditContext>() is { } context)
        {
            foreach (var nhsNumber in nhsNumbers)
            {
                context.AddPatient(nhsNumber);
            }
        }
    }

    /// <summary>
    /// Names every patient the FHIR resource an endpoint is about to return names (<see cref="NamedPatients"/>): each match of
    /// a search Bundle, a pointer's subject, an immunisation's patient. Patients already named keep their place.
    /// </summary>
    public static void AuditPatientsNamedIn(this HttpContext http, Hl7.Fhir.Model.Resource? resource) =>
        http.AuditPatients(NamedPatients.Of(resource));

    /// <summary>Tells the audit middleware this endpoint recorded its own row (IAuditTrail.RecordAsync), so it records none.</summary>
    public static void AuditRecordedByEndpoint(this HttpContext http)
    {
        if (http.Features.Get<AuditContext>() is { } context)
        {
            context.RecordedByEndpoint = true;
        }
    }
}
