using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Mns;

/// <summary>
/// Settings for the MNS subscription API adapter, bound from <c>Adapters:Mns</c>. <see cref="UpstreamOptions.BaseUrl"/> is
/// the API's base URL, ending in <c>/multicast-notification-service/</c>; unset means no subscriptions are managed (the
/// sandbox points it at its simulator). A create is never replayed by the HTTP pipeline: the events feature makes it idempotent.
/// </summary>
public sealed class MnsOptions : UpstreamOptions
{
    public const string SectionName = "Adapters:Mns";

    /// <summary>The path every MNS base URL ends with.</summary>
    public const string BasePath = "/multicast-notification-service/";
}
