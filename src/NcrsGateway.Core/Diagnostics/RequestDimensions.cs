using System.Diagnostics;

namespace NcrsGateway.Core.Diagnostics;

/// <summary>
/// Who a request came from, as metric dimensions: the end user's organisation (ODS code), the site, and the client
/// software's name and version. Each value is already folded to a bounded set (a value outside it is <c>other</c>,
/// a missing one <c>none</c>), so recording them cannot grow a metric's cardinality without limit.
/// </summary>
public sealed record RequestDimensions(string Organisation, string Site, string ClientName, string ClientVersion)
{
    public const string None = "none";
    public const string Other = "other";

    /// <summary>A request whose caller is unknown (refused before sign-in, background work).</summary>
    public static RequestDimensions Unknown { get; } = new(None, None, None, None);

    /// <summary>Adds the four dimensions to <paramref name="tags"/> (no allocation).</summary>
    public void AddTo(ref TagList tags)
    {
        tags.Add(GatewayMetrics.Tags.Organisation, Organisation);
        tags.Add(GatewayMetrics.Tags.Site, Site);
        tags.Add(GatewayMetrics.Tags.ClientName, ClientName);
        tags.Add(GatewayMetrics.Tags.ClientVersion, ClientVersion);
    }
}
