using System.Net;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>One logical request through <see cref="UpstreamSender"/>: what it is called in logs, for whom, and how its errors read.</summary>
/// <param name="Operation">The interaction's name in log lines, e.g. <c>read</c>, <c>search</c>. Never an identifier.</param>
/// <param name="Context">The caller's correlation ID and organisation.</param>
public sealed record UpstreamCall(string Operation, RequestContext Context)
{
    /// <summary>The adapter's own error arms, consulted before the common ones.</summary>
    public UpstreamErrorMap? Errors { get; init; }

    /// <summary>Statuses besides 200 that are results, not errors (NRL answers a search for a patient with no pointers 404).</summary>
    public IReadOnlyCollection<HttpStatusCode> Results { get; init; } = [];
}
