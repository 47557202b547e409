using Microsoft.Extensions.Logging.Abstractions;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.Tests;

internal static class AuditTestData
{
    public const string PatientA = "9000000009";
    public const string PatientB = "9000000017";
    public const string PatientC = "9000000025";

    public static readonly AuditKeys Keys = AuditKeys.Generate();

    public static NhsNumber Nhs(string value) => NhsNumber.TryParse(value, out var n) ? n : throw new ArgumentException(value);

    public static AuditRecord Record(
        string? patient = PatientA,
        string user = "user-1",
        DateTimeOffset? recorded = null,
        AuditOutcome outcome = AuditOutcome.Success,
        FailureCategory? category = null,
        string? correlationId = null,
        string ods = "A12345",
        params string[] others) => new(
        Guid.CreateVersion7(),
        recorded ?? DateTimeOffset.UtcNow,
        AuditActions.PatientRead,
        outcome,
        category,
        category is null ? null : "invalid-nhs-number",
        user,
        "clinician",
        ods,
        "WS-01",
        "client-app",
        "summary-view",
        "ENC-1",
        patient is null ? null : Nhs(patient),
        correlationId ?? Guid.NewGuid().ToString(),
        "GET 200")
    {
        OtherPatients = [.. others.Select(Nhs)],
    };

    public static AuditTrail Trail(IAuditStore store, string dataDirectory, int batchSize = 50, TimeSpan? flushInterval = null) => new(
        store,
        new PatientProtector(Keys),
        new AuditOptions { BatchSize = batchSize, FlushInterval = flushInterval ?? TimeSpan.FromMilliseconds(50), DataDirectory = dataDirectory },
        dataDirectory,
        TimeProvider.System,
        NullLogger<AuditTrail>.Instance);

    public static AuditQuery Query(NhsNumber? patient = null, string? user = null, DateTimeOffset? from = null, DateTimeOffset? to = null, AuditOutcome? outcome = null, int count = 100, string? cursor = null, IReadOnlyList<FailureCategory>? categories = null) =>
        new(patient, user, from, to, outcome, count, cursor, categories) { Scope = AuditScope.National };

    /// <summary>A fresh folder for one test's storage; whoever asks for it deletes it (see <c>TempFolder</c>).</summary>
    public static string TempDirectory() => Directory.CreateTempSubdirectory("ncrs-audit-test-").FullName;
}
