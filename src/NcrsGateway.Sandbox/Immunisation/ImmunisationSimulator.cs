using System.Globalization;
using NcrsGateway.Sandbox.Immunisation;
using NcrsGateway.Sandbox.Pds;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Sandbox;

/// <summary>
/// A small simulated Immunisation FHIR API: <c>GET Immunization?patient.identifier=…&amp;-immunization.target=…</c>
/// with optional inclusive <c>-date.from</c> / <c>-date.to</c>, over <see cref="ImmunisationSandboxData"/>.
/// Like the real API it requires a Bearer token and a UUID <c>X-Request-ID</c>, answers 400 when
/// <c>-immunization.target</c> is missing or unknown, 403 for a vaccine type the application is not authorised for,
/// an empty searchset for a patient with no matching record, and writes a restricted patient's records with the
/// performing organisation and location withheld.
/// </summary>
public static class ImmunisationSimulator
{
    /// <summary>The path the API is served under, as on the real service.</summary>
    public const string BasePath = "/immunisation-fhir-api/FHIR/R4/";

    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    public static void Register(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Given(Request.Create().WithPath(BasePath + "Immunization").UsingGet())
            .RespondWith(Response.Create().WithCallback(Handle));
    }

    private static ResponseMessage Handle(IRequestMessage request)
    {
        if (ImmunisationSimulatorResponses.Header(request, "Authorization") is not { } auth
            || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(auth[7..]))
        {
            return ImmunisationSimulatorResponses.Error(request, 401, "forbidden", "ACCESS_DENIED", "Missing or invalid Bearer token");
        }

        if (!Guid.TryParseExact(ImmunisationSimulatorResponses.Header(request, "X-Request-ID"), "D", out _))
        {
            return ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID", "X-Request-ID must be a UUID");
        }

        var query = Parse(request.RawQuery);
        if (!query.TryGetValue("patient.identifier", out var patient) || patient.Count != 1
            || !patient[0].StartsWith(NhsNumberSystem + "|", StringComparison.Ordinal)
            || !NhsNumberCheck.IsValid(patient[0][(NhsNumberSystem.Length + 1)..]))
        {
            return ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID", "Search parameter patient.identifier must be a valid NHS number identifier");
        }

        if (!query.TryGetValue("-immunization.target", out var targetValues) || targetValues.Count != 1 || targetValues[0].Length == 0)
        {
            return ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID", "Search parameter -immunization.target is required");
        }

        var targets = targetValues[0].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (targets.Any(t => !ImmunisationSandboxData.KnownTargets.Contains(t)))
        {
            return ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID", "-immunization.target must be one or more of " + string.Join(", ", ImmunisationSandboxData.KnownTargets));
        }

        if (targets.Contains(ImmunisationSandboxData.NotPermittedTarget))
        {
            return ImmunisationSimulatorResponses.Error(request, 403, "forbidden", "UNAUTHORIZED", "Unauthorized request for vaccine type");
        }

        if (!TryDate(query, "-date.from", out var from) || !TryDate(query, "-date.to", out var to))
        {
            return ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID", "-date.from and -date.to must be dates (YYYY-MM-DD)");
        }

        var nhsNumber = patient[0][(NhsNumberSystem.Length + 1)..];
        var found = ImmunisationSandboxData.All
            .Where(v => v.NhsNumber == nhsNumber && targets.Contains(v.Vaccine.TargetCode))
            .Where(v => (from is null || v.Date >= from) && (to is null || v.Date <= to))
            .Select(v => v.ToJson())
            .ToList();
        var origin = new Uri(request.Url).GetLeftPart(UriPartial.Authority);
        return ImmunisationSimulatorResponses.Fhir(request, 200, ImmunisationSimulatorResponses.SearchSet(
            origin + BasePath + "Immunization" + request.RawQuery, found, origin + BasePath + "Immunization/"));
    }

    private static Dictionary<string, List<string>> Parse(string? rawQuery)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in (rawQuery ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (!result.TryGetValue(key, out var values))
            {
                result[key] = values = [];
            }

            values.Add(value);
        }

        return result;
    }

    private static bool TryDate(Dictionary<string, List<string>> query, string name, out DateOnly? date)
    {
        date = null;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        if (values.Count != 1 || !DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
