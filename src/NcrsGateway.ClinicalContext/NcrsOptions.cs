using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.ClinicalContext;

/// <summary>NCRS launch settings, bound from <c>Ncrs</c>.</summary>
public sealed class NcrsOptions
{
    public const string SectionName = "Ncrs";

    public const string NhsNumberPlaceholder = "{nhsNumber}";

    /// <summary>Used when the sandbox is on and no template is configured: the gateway's own simulated NCRS page.</summary>
    public const string SandboxLaunchUrlTemplate = "/sandbox/ncrs?nhsNumber={nhsNumber}";

    /// <summary>
    /// The NCRS deep link, with <c>{nhsNumber}</c> where the patient's number goes (given by national onboarding,
    /// never hard-coded). An absolute https URL; a path starting with '/' is resolved against the gateway's own origin.
    /// </summary>
    [Required]
    [StringLength(2048)]
    public string? LaunchUrlTemplate { get; set; }
}
