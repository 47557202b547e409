using NcrsGateway.Core;

namespace NcrsGateway.ClinicalContext.Launch;

/// <summary>A successful launch: the deep link for exactly the selected patient, and its audit row's id.</summary>
internal sealed record NcrsLaunch(Uri LaunchUrl, Guid AuditId, NhsNumber NhsNumber);
