using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>
/// <c>Telemetry:Dimensions</c>: the values each metric dimension may take. A configured list is the whole set (anything
/// else is <c>other</c>); an empty list admits the first <see cref="MaxValues"/> distinct values this instance sees,
/// then folds the rest into <c>other</c>. Either way a metric's cardinality is bounded.
/// </summary>
public sealed class TelemetryDimensionsOptions
{
    public const string SectionName = "Telemetry:Dimensions";

    /// <summary>End-user organisation ODS codes (token claim <c>ods</c>).</summary>
    public IList<string> Organisations { get; init; } = [];

    /// <summary>Sites (token claim <c>site</c>, else the validated <c>X-Site-ID</c> header).</summary>
    public IList<string> Sites { get; init; } = [];

    /// <summary>Client software names (token claim <c>client_id</c>, else the validated <c>X-Client-Software</c> header).</summary>
    public IList<string> ClientSoftware { get; init; } = [];

    /// <summary>Client software versions (token claim <c>client_version</c>, else the validated <c>X-Client-Version</c> header).</summary>
    public IList<string> ClientVersions { get; init; } = [];

    /// <summary>Distinct values a dimension with no configured list admits before folding into <c>other</c>.</summary>
    [Range(1, 1000)]
    public int MaxValues { get; init; } = 50;
}
