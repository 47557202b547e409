using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// The NRL v3 consumer API: search (GET with query, or POST <c>_search</c> with a JSON body) and read, over
/// the in-memory pointers of <see cref="NrlSandboxPointers"/>. Requires a Bearer token, a UUID
/// <c>X-Request-ID</c> and <c>NHSD-End-User-Organisation-ODS</c>; echoes the tracing headers.
/// </summary>
public static class NrlSimulator
{
    public const string BasePath = "/record-locator/consumer/FHIR/R4/";

    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    private const string Snomed = "http://snomed.info/sct";

    public static void Register(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(Request.Create().WithPath(BasePath + "DocumentReference").UsingGet())
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => Search(
                r, NrlSimulatorRequest.Query(r, "subject:identifier"), NrlSimulatorRequest.Query(r, "type"), NrlSimulatorRequest.Query(r, "category")))));
        server.Given(Request.Create().WithPath(BasePath + "DocumentReference/_search").UsingPost())
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => SearchByBody(r))));
        server.Given(Request.Create().WithPath(new WildcardMatcher(BasePath + "DocumentReference/*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(r => Guarded(r, () => Read(r))));
    }

    private static ResponseMessage Guarded(IRequestMessage request, Func<ResponseMessage> handle)
    {
        if (NrlSimulatorRequest.Header(request, "Authorization") is not { } auth
            || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || auth.Length <= 7)
        {
            return NrlSimulatorResponses.Error(request, 401, "forbidden", "ACCESS_DENIED", "Missing or invalid Bearer token");
        }

        if (!Guid.TryParse(NrlSimulatorRequest.Header(request, "X-Request-ID"), out _))
        {
            return NrlSimulatorResponses.Error(request, 400, "value", "INVALID_REQUEST_ID", "X-Request-ID must be a UUID");
        }

        if (string.IsNullOrWhiteSpace(NrlSimulatorRequest.Header(request, "NHSD-End-User-Organisation-ODS")))
        {
            return NrlSimulatorResponses.Error(request, 400, "value", "MISSING_HEADER", "NHSD-End-User-Organisation-ODS is required");
        }

        return handle();
    }

    private static ResponseMessage SearchByBody(IRequestMessage request)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(request.Body ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        return body is null
            ? NrlSimulatorResponses.Error(request, 400, "invalid", "BAD_REQUEST", "Request body must be a JSON object")
            : Search(request, Value(body, "subject:identifier"), Value(body, "type"), Value(body, "category"));
    }

    private static ResponseMessage Search(IRequestMessage request, string? subject, string? type, string? category)
    {
        if (subject is null || !subject.StartsWith(NhsNumberSystem + "|", StringComparison.Ordinal))
        {
            return NrlSimulatorResponses.Error(request, 400, "invalid", "INVALID_PARAMETER", "subject:identifier must be an NHS number identifier");
        }

        var nhsNumber = subject[(NhsNumberSystem.Length + 1)..];
        if (nhsNumber.Length != 10 || !nhsNumber.All(char.IsAsciiDigit))
        {
            return NrlSimulatorResponses.Error(request, 400, "invalid", "INVALID_NHS_NUMBER", "A valid NHS number is required");
        }

        if (!TryCodes(type, out var types) || !TryCodes(category, out var categories))
        {
            return NrlSimulatorResponses.Error(request, 400, "invalid", "INVALID_CODE_SYSTEM", "type and category must be SNOMED CT codes");
        }

        if (types.Contains(NrlSandboxPointers.NotPermittedType))
        {
            return NrlSimulatorResponses.Error(request, 403, "forbidden", "ACCESS_DENIED", "The organisation is not permitted to access this pointer type");
        }

        if (!NrlSandboxData.KnowsPatient(nhsNumber))
        {
            return NrlSimulatorResponses.Error(request, 404, "not-found", "NO_RECORD_FOUND", "No record found for the patient");
        }

        var origin = NrlSimulatorRequest.Origin(request);
        var found = NrlSandboxData.ForPatient(nhsNumber)
            .Where(p => types.Count == 0 || types.Contains(p.Type.Code))
            .Where(p => categories.Count == 0 || categories.Contains(p.Category.Code))
            .Select(p => p.ToJson(origin))
            .ToList();
        return NrlSimulatorResponses.Fhir(request, 200, NrlSimulatorResponses.SearchSet(found));
    }

    private static ResponseMessage Read(IRequestMessage request)
    {
        var id = Uri.UnescapeDataString(request.Path[(BasePath.Length + "DocumentReference/".Length)..]);
        return NrlSandboxData.Find(id) is { } pointer
            ? NrlSimulatorResponses.Fhir(request, 200, pointer.ToJson(NrlSimulatorRequest.Origin(request)))
            : NrlSimulatorResponses.Error(request, 404, "not-found", "NO_RECORD_FOUND", "The requested DocumentReference was not found");
    }

    private static bool TryCodes(string? parameter, out HashSet<string> codes)
    {
        codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in (parameter ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || token[..bar] != Snomed)
            {
                return false;
            }

            codes.Add(token[(bar + 1)..]);
        }

        return true;
    }

    private static string? Value(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
