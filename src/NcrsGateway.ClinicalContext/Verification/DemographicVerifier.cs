using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.ClinicalContext.Verification;

/// <summary>
/// <c>POST /fhir/Patient/$verify</c>: reads the national record for the NHS number the local system holds and
/// compares field by field. It never writes anything and never chooses a patient.
/// </summary>
internal sealed class DemographicVerifier(IDemographicsSource demographics, TimeProvider time)
{
    public async Task<Parameters> VerifyAsync(Resource body, RequestContext context, CancellationToken cancellationToken)
    {
        var local = LocalPatient(body);
        var given = GivenNhsNumber(local);
        var national = await demographics.ReadAsync(given, context, cancellationToken).ConfigureAwait(false);
        var fields = DemographicComparer.Compare(given, local, national, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return VerificationParameters.Create(given, national, fields);
    }

    private static Patient LocalPatient(Resource body) => body switch
    {
        Patient p => p,
        Parameters { Parameter: [{ Name: "patient", Resource: Patient p }] } => p,
        _ => throw new GatewayException(GatewayErrors.InvalidRequest, "Send the local demographics as a Patient, or as Parameters with one 'patient' resource."),
    };

    private static NhsNumber GivenNhsNumber(Patient local)
    {
        var identifiers = local.Identifier.Where(i => i.System == NhsNumber.System).ToList();
        if (identifiers.Count != 1)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, $"The Patient must carry exactly one identifier with system {NhsNumber.System}.");
        }

        return NhsNumber.TryParse(identifiers[0].Value, out var parsed) ? parsed : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
    }
}
