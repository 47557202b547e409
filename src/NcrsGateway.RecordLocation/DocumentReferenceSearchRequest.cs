using System.Globalization;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// Validates <c>GET /fhir/DocumentReference?…</c> before anything goes upstream. The patient is required (as
/// <c>patient:identifier</c> or <c>subject:identifier</c>); unknown parameters are refused, never ignored.
/// </summary>
internal static class DocumentReferenceSearchRequest
{
    public const string PatientParameter = "patient:identifier";
    public const string SubjectParameter = "subject:identifier";
    public const string PatientReferenceParameter = "patient";
    public const string SubjectReferenceParameter = "subject";
    public const string TypeParameter = "type";
    public const string CategoryParameter = "category";
    public const string CountParameter = "_count";
    public const string PageParameter = "_page";
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    /// <summary>Every parameter the search takes (it pages itself, with the upstream).</summary>
    public static readonly IReadOnlyList<string> Parameters = [PatientParameter, SubjectParameter, PatientReferenceParameter, SubjectReferenceParameter, TypeParameter, CategoryParameter, CountParameter, PageParameter];

    private static readonly HashSet<string> Known = new([.. Parameters, "_format"], StringComparer.Ordinal);

    public static DocumentReferenceSearch Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key))
            {
                throw Invalid(Fhir.UnsupportedParameters.Detail("DocumentReference search", Known.Where(k => k != "_format")));
            }
        }

        var patientValues = query[PatientParameter].Concat(query[SubjectParameter]).ToList();
        var references = query[PatientReferenceParameter].Concat(query[SubjectReferenceParameter]).ToList();
        if (patientValues.Count + references.Count != 1)
        {
            throw Invalid($"Give the patient once, as {PatientParameter}={NhsNumber.System}|<NHS number> (or {PatientReferenceParameter}=Patient/<NHS number>).");
        }

        var nhsNumber = patientValues.Count == 1
            ? ParseNhsNumber(patientValues[0])
            : NhsNumber.TryParse(Fhir.PatientReference.Id(references[0] ?? string.Empty), out var referenced) ? referenced : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        var types = Codes(query, TypeParameter);
        var categories = Codes(query, CategoryParameter);
        var count = Number(query, CountParameter, DefaultCount, 0, MaxCount);
        var page = Number(query, PageParameter, 1, 1, 100_000);
        return new DocumentReferenceSearch(new PointerSearchQuery(nhsNumber, types, categories), count, page);
    }

    /// <summary>Parses <c>https://fhir.nhs.uk/Id/nhs-number|n</c>; a malformed number is invalid-nhs-number.</summary>
    public static NhsNumber ParseNhsNumber(string? value)
    {
        value ??= string.Empty;
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || value[..bar] != NhsNumber.System)
        {
            throw Invalid($"The patient must be given as {NhsNumber.System}|<NHS number>.");
        }

        return NhsNumber.TryParse(value[(bar + 1)..], out var nhs)
            ? nhs
            : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
    }

    /// <summary>SNOMED CT codes, as <c>system|code</c> or a bare code; commas separate alternatives (OR).</summary>
    private static List<string> Codes(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw Invalid($"Give '{name}' once; separate alternatives with commas.");
        }

        var codes = new List<string>();
        foreach (var token in (values.FirstOrDefault() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            var system = bar < 0 ? null : token[..bar];
            var code = bar < 0 ? token : token[(bar + 1)..];
            if ((system is not null && system != CodedConcept.Snomed) || code.Length is < 6 or > 18 || !code.All(char.IsAsciiDigit))
            {
                throw Invalid($"'{name}' must be SNOMED CT codes ({CodedConcept.Snomed}|<code>), separated by commas.");
            }

            codes.Add(code);
        }

        return codes;
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max)
    {
        var values = query[name];
        if (values.Count == 0)
        {
            return fallback;
        }

        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw Invalid($"'{name}' must be a whole number from {min} to {max}, given once.");
        }

        return n;
    }

    private static GatewayException Invalid(string detail) => new(GatewayErrors.InvalidSearch, detail);
}
