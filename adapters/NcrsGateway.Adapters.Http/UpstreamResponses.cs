using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Adapters.Http;

/// <summary>Reading a successful upstream FHIR body, the same way for every adapter.</summary>
public static partial class UpstreamResponses
{
    /// <summary>
    /// Parses the body leniently (<see cref="UpstreamFhirReader"/>); elements the SDK could not read are skipped and
    /// counted in a warning on <paramref name="logger"/>. Null when the body is not FHIR JSON at all.
    /// </summary>
    public static async Task<Resource?> ReadFhirAsync(HttpResponseMessage response, string upstream, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = await UpstreamFhirReader.ReadAsync(body, cancellationToken).ConfigureAwait(false);
        if (read.IssueCount > 0)
        {
            LogLenientParse(logger, upstream, read.IssueCount);
        }

        return read.Resource;
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Warning, Message = "{Upstream} payload had {IssueCount} elements the FHIR SDK could not read; they were skipped")]
    private static partial void LogLenientParse(ILogger logger, string upstream, int issueCount);
}
