using System.Runtime.CompilerServices;
using NcrsGateway.Sandbox.Pds;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Sandbox;

/// <summary>
/// A small simulated PDS FHIR R4 API: read and search Patient, with PDS's header checks, errors and
/// quirks (superseded numbers, restricted records, TOO_MANY_MATCHES as 200, no empty entry array).
/// The numbers it knows are in <see cref="SandboxPatients"/>.
/// </summary>
public static class PdsSimulator
{
    /// <summary>The path PDS is served under, as on the real service.</summary>
    public const string BasePath = "/personal-demographics/FHIR/R4/";

    private const string PatientPath = "Patient";

    private static readonly ConditionalWeakTable<WireMockServer, PdsPatientStore> Stores = [];

    public static void Register(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var store = PdsPatientStore.LoadEmbedded();
        Stores.AddOrUpdate(server, store);
        server
            .Given(Request.Create().WithPath(BasePath + "*").UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request => PdsResponseWriter.Write(request, Handle(store, request))));
    }

    /// <summary>
    /// Simulates a change to a patient's record on the PDS simulator running on <paramref name="server"/> (the sandbox's
    /// MNS emitter calls it): the record's version moves to <paramref name="atLeast"/> when that is newer, else up by one
    /// when it is null, so the next read carries a new <c>ETag</c>. Returns the version now current, or null when PDS has
    /// no record for the number (or no PDS simulator runs there).
    /// </summary>
    public static long? BumpVersion(WireMockServer server, string nhsNumber, long? atLeast = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Stores.TryGetValue(server, out var store) && NhsNumberCheck.IsValid(nhsNumber) ? store.BumpVersion(nhsNumber, atLeast) : null;
    }

    private static PdsResult Handle(PdsPatientStore store, IRequestMessage request)
    {
        if (PdsRequestHeaders.Reject(request) is { } rejected)
        {
            return rejected;
        }

        var resource = request.Path.Length > BasePath.Length ? request.Path[BasePath.Length..] : string.Empty;
        if (string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            if (resource == PatientPath)
            {
                return PdsSearchParser.TryParse(request.RawQuery, out var search) ?? PdsSearch.Execute(store, search!, request.Origin);
            }

            if (resource.StartsWith(PatientPath + "/", StringComparison.Ordinal))
            {
                return Read(store, resource[(PatientPath.Length + 1)..]);
            }
        }

        return PdsResponses.UnsupportedInteraction(request.Method, request.Path);
    }

    private static PdsResult Read(PdsPatientStore store, string id)
    {
        if (!NhsNumberCheck.IsValid(id))
        {
            return PdsResponses.InvalidResourceId($"Resource Id '{id}' is not a valid NHS number.");
        }

        if (store.IsInvalidated(id))
        {
            return PdsResponses.InvalidatedResource();
        }

        return store.Read(id) is { } patient
            ? new PdsResult(200, patient, (string?)patient["meta"]?["versionId"])
            : PdsResponses.ResourceNotFound();
    }
}
