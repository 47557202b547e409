using System.Globalization;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// The FHIR result parameters the gateway applies itself, on every read and search: <c>_summary</c> (<c>true</c>,
/// <c>text</c>, <c>data</c>, <c>count</c>, <c>false</c>) and <c>_elements</c>; on a gateway-paged search also
/// <c>_count</c> (0 to <see cref="FhirSearch.MaxCount"/>) and <c>_page</c>. <c>_format</c> is negotiated elsewhere.
/// </summary>
/// <param name="Summary">The <c>_summary</c> mode, or null (the full resource).</param>
/// <param name="Elements">The <c>_elements</c> names, or null.</param>
/// <param name="Count">The page size a gateway-paged search was asked for, or null (every match on one page).</param>
/// <param name="Page">The 1-based page of a gateway-paged search.</param>
public sealed record ResultParameters(string? Summary, IReadOnlyList<string>? Elements, int? Count, int Page)
{
    public const string SummaryName = "_summary";
    public const string ElementsName = "_elements";
    public const string CountName = "_count";
    public const string PageName = "_page";
    public const string FormatName = "_format";

    /// <summary>The names every FHIR route accepts besides its own.</summary>
    public static readonly IReadOnlyList<string> Names = [FormatName, SummaryName, ElementsName];

    private static readonly string[] SummaryModes = ["true", "text", "data", "count", "false"];

    /// <summary>True when the result is the resource (or searchset) exactly as the handler built it.</summary>
    public bool Unchanged => Summary is null && Elements is null && Count is null;

    /// <summary>Whether a query names a result parameter a read applies (cheap: no parsing unless the query has a value).</summary>
    public static bool AnyIn(HttpRequest request) =>
        request.QueryString.HasValue && (request.Query.ContainsKey(SummaryName) || request.Query.ContainsKey(ElementsName));

    /// <param name="pairs">The request's parameters, a repeated name once per value.</param>
    /// <param name="paging">Whether <c>_count</c> and <c>_page</c> are the gateway's to apply.</param>
    /// <param name="error">The taxonomy entry for a bad value (invalid-search on a search, invalid-request on a read).</param>
    public static ResultParameters Parse(IReadOnlyList<KeyValuePair<string, string>> pairs, bool paging, GatewayError error)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var summary = Single(pairs, SummaryName, error);
        if (summary is not null && !SummaryModes.Contains(summary, StringComparer.Ordinal))
        {
            throw new GatewayException(error, "_summary must be true, text, data, count or false.");
        }

        var elementsText = Single(pairs, ElementsName, error);
        List<string>? elements = null;
        if (elementsText is not null)
        {
            elements = [.. elementsText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            if (elements.Count == 0 || elements.Any(e => e.Length > 64 || !e.All(char.IsAsciiLetterOrDigit)))
            {
                throw new GatewayException(error, "_elements must be element names separated by commas (e.g. identifier,name,birthDate).");
            }

            if (summary is not null && summary != "false")
            {
                throw new GatewayException(error, "Give either _summary or _elements, not both.");
            }
        }

        int? count = null;
        var page = 1;
        if (paging)
        {
            count = Number(pairs, CountName, 0, FhirSearch.MaxCount, error);
            page = Number(pairs, PageName, 1, 100_000, error) ?? 1;
        }

        if (count == 0)
        {
            summary = "count"; // FHIR: _count=0 asks for the total only
        }

        return new ResultParameters(summary == "false" ? null : summary, elements, count, page);
    }

    private static string? Single(IReadOnlyList<KeyValuePair<string, string>> pairs, string name, GatewayError error)
    {
        var values = pairs.Where(p => p.Key == name).Select(p => p.Value).ToList();
        return values.Count switch
        {
            0 => null,
            1 when !string.IsNullOrWhiteSpace(values[0]) => values[0].Trim(),
            _ => throw new GatewayException(error, $"Give {name} once, with a value."),
        };
    }

    private static int? Number(IReadOnlyList<KeyValuePair<string, string>> pairs, string name, int min, int max, GatewayError error)
    {
        if (Single(pairs, name, error) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new GatewayException(error, $"{name} must be a whole number from {min} to {max}.");
    }
}
