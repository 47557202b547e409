using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>
/// The simulator's patients, loaded once from the embedded <c>Data/pds/*.json</c> files, plus the
/// numbers that have no record of their own (superseded and invalidated). The records are read-only after load; only
/// their version moves (<see cref="BumpVersion"/>, the sandbox's simulated change), so reads return copies.
/// </summary>
internal sealed class PdsPatientStore
{
    private const string ResourcePrefix = "NcrsGateway.Sandbox.Data.pds.";
    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    private static readonly Dictionary<string, string> SupersededBy = new(StringComparer.Ordinal)
    {
        [SandboxPatients.SupersededOld] = SandboxPatients.Search,
    };

    private static readonly HashSet<string> InvalidatedNumbers = new(StringComparer.Ordinal)
    {
        SandboxPatients.Invalidated,
    };

    private static readonly string[] WithheldWhenRestricted = ["address", "telecom", "generalPractitioner", "contact"];

    private readonly Dictionary<string, JsonObject> _patients;
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    private PdsPatientStore(Dictionary<string, JsonObject> patients) => _patients = patients;

    /// <summary>Current records only (copies, at their current version): superseded and invalidated numbers never appear here.</summary>
    public IEnumerable<JsonObject> Patients => _patients.Keys.Select(id => Read(id)!);

    public static PdsPatientStore LoadEmbedded()
    {
        var assembly = typeof(PdsPatientStore).Assembly;
        var patients = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
            var patient = JsonNode.Parse(stream) as JsonObject
                ?? throw new InvalidOperationException($"{name} is not a JSON object.");
            var id = Validate(name, patient);
            if (!patients.TryAdd(id, patient))
            {
                throw new InvalidOperationException($"{name}: patient {id} is defined twice.");
            }
        }

        ValidateNumberStatuses(patients);
        return new PdsPatientStore(patients);
    }

    public bool IsInvalidated(string nhsNumber) => InvalidatedNumbers.Contains(nhsNumber);

    /// <summary>
    /// The record a read of <paramref name="nhsNumber"/> returns: for a superseded number that is the
    /// surviving record, whose id differs from the number asked for (as PDS does).
    /// </summary>
    public JsonObject? Read(string nhsNumber)
    {
        var current = SupersededBy.GetValueOrDefault(nhsNumber, nhsNumber);
        if (!_patients.TryGetValue(current, out var stored))
        {
            return null;
        }

        var patient = (JsonObject)stored.DeepClone();
        if (_versions.TryGetValue(current, out var version))
        {
            patient["meta"]!["versionId"] = version.ToString(CultureInfo.InvariantCulture);
        }

        return patient;
    }

    /// <summary>
    /// Simulates a change to the record <paramref name="nhsNumber"/> reads (the survivor's, for a superseded number): its
    /// version moves to <paramref name="atLeast"/> when that is newer, else up by one when <paramref name="atLeast"/> is
    /// null. Returns the version now current, or null when the number has no record.
    /// </summary>
    public long? BumpVersion(string nhsNumber, long? atLeast)
    {
        var current = SupersededBy.GetValueOrDefault(nhsNumber, nhsNumber);
        if (!_patients.TryGetValue(current, out var stored))
        {
            return null;
        }

        var loaded = long.Parse((string)stored["meta"]!["versionId"]!, CultureInfo.InvariantCulture);
        return _versions.AddOrUpdate(
            current,
            _ => Next(loaded),
            (_, now) => Next(now));

        long Next(long now) => atLeast is { } v ? Math.Max(now, v) : now + 1;
    }

    private static string Validate(string resourceName, JsonObject patient)
    {
        var id = (string?)patient["id"];
        var identifier = patient["identifier"]?.AsArray()
            .FirstOrDefault(i => (string?)i?["system"] == NhsNumberSystem);
        if ((string?)patient["resourceType"] != "Patient"
            || id is null
            || (string?)identifier?["value"] != id
            || patient["meta"]?["versionId"] is null)
        {
            throw new InvalidOperationException(
                $"{resourceName}: needs resourceType Patient, an id, a matching NHS number identifier and meta.versionId.");
        }

        if (!NhsNumberCheck.IsValid(id))
        {
            throw new InvalidOperationException($"{resourceName}: {id} fails the NHS number check digit.");
        }

        if (PdsPatientMatcher.IsRestricted(patient) && WithheldWhenRestricted.Any(patient.ContainsKey))
        {
            throw new InvalidOperationException(
                $"{resourceName}: a restricted record must not hold {string.Join(", ", WithheldWhenRestricted)}.");
        }

        return id;
    }

    private static void ValidateNumberStatuses(Dictionary<string, JsonObject> patients)
    {
        foreach (var number in SupersededBy.Keys.Concat(SupersededBy.Values).Concat(InvalidatedNumbers)
                     .Append(SandboxPatients.NotFound))
        {
            if (!NhsNumberCheck.IsValid(number))
            {
                throw new InvalidOperationException($"Sandbox number {number} fails the NHS number check digit.");
            }
        }

        foreach (var (old, survivor) in SupersededBy)
        {
            if (patients.ContainsKey(old) || !patients.ContainsKey(survivor))
            {
                throw new InvalidOperationException($"Superseded {old} must have no record and survivor {survivor} must.");
            }
        }

        if (InvalidatedNumbers.Append(SandboxPatients.NotFound).Any(patients.ContainsKey))
        {
            throw new InvalidOperationException("Invalidated and not-found sandbox numbers must have no record.");
        }
    }
}
