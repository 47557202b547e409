using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>What an endpoint tells the audit middleware about the current request (a request feature).</summary>
public sealed class AuditContext : Fhir.IOperationOutcomeFeature
{
    private readonly List<NhsNumber> _patients = [];

    /// <summary>The patient the request is about (the first one named), once the endpoint has a valid NHS number.</summary>
    public NhsNumber? Patient => _patients.Count > 0 ? _patients[0] : null;

    /// <summary>Every patient the request named, first one first, without repeats; at most <see cref="AuditRecord.MaxPatients"/>.</summary>
    public IReadOnlyList<NhsNumber> Patients => _patients;

    /// <summary>Patients named beyond <see cref="AuditRecord.MaxPatients"/>: not listed, but the row's detail says how many.</summary>
    public int PatientsNotListed { get; private set; }

    /// <summary>The taxonomy error written as this request's OperationOutcome, when one was.</summary>
    public GatewayError? Error { get; set; }

    /// <summary>Set by an endpoint that records its own row (e.g. a launch with Committed durability): the middleware then records none.</summary>
    public bool RecordedByEndpoint { get; set; }

    /// <summary>Adds a patient the response names (ignored when already listed).</summary>
    public void AddPatient(NhsNumber nhsNumber)
    {
        if (_patients.Contains(nhsNumber))
        {
            return;
        }

        if (_patients.Count >= AuditRecord.MaxPatients)
        {
            PatientsNotListed++;
            return;
        }

        _patients.Add(nhsNumber);
    }
}
