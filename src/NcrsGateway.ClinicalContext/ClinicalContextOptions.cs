using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.ClinicalContext;

/// <summary>Patient selection settings, bound from <c>ClinicalContext</c>.</summary>
public sealed class ClinicalContextOptions : NcrsGateway.Fhir.Security.IWorkstationHeaderOptions
{
    public const string SectionName = "ClinicalContext";

    /// <summary>How long a selection token may be used to launch NCRS. Short on purpose: select, then launch.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:15:00")]
    public TimeSpan SelectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a used, replaced or expired selection is remembered after it expires, so a replay is answered
    /// precisely (selection-used, selection-superseded, selection-expired) instead of "not recognised".
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SelectionRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether a workstation may be named by the <c>X-Workstation-ID</c> header when the token has no
    /// <c>workstation</c> claim. Unset: on with the sandbox, off otherwise. A header never overrides the claim, and a
    /// workstation named only by a header is the caller's own: it can never supersede another user's selections.
    /// </summary>
    public bool? AcceptWorkstationHeader { get; set; }
}
