using NcrsGateway.Core;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>What an endpoint tells the audit middleware about its request.</summary>
public static class HttpContextAuditExtensions
{
    /// <summary>Names the patient this request is about in its audit row.</summary>
    public static void AuditPatient(this HttpContext http, NhsNumber nhsNumber)
    {
        if (http.Features.Get<AuditContext>() is { } context)
        {
            context.Patient = nhsNumber;
        }
    }

    /// <summary>Tells the audit middleware this endpoint recorded its own row (IAuditTrail.RecordAsync), so it records none.</summary>
    public static void AuditRecordedByEndpoint(this HttpContext http)
    {
        if (http.Features.Get<AuditContext>() is { } context)
        {
            context.RecordedByEndpoint = true;
        }
    }
}
