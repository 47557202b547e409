using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core.Audit;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// <c>GET /fhir/Binary/{pointerId}[?content=n]</c>: streams the document a pointer locates from the custodian's
/// repository (directly or through the Spine Secure Proxy). The only input is a pointer id: the pointer is read
/// fresh from NRL, and its URL is allow-listed before anything is fetched, so this is not an open proxy.
/// The raw document is returned (its own content type), never a FHIR Binary resource, and never stored.
/// </summary>
internal static class BinaryEndpoints
{
    public const string ContentParameter = "content";

    public static RouteGroupBuilder MapBinaryEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/Binary").WithTags("Binary").WithMetadata(AnyResponseFormat.Instance).RequireAuthorization(GatewayPolicies.Reader);
        group.MapFhirGet("/{id}", DownloadAsync).WithName("ReadBinary").WithMetadata(AuditedAction.Read(AuditActions.DocumentRetrieve));
        return group;
    }

    private static async Task DownloadAsync(
        string id,
        HttpContext http,
        IRecordLocator locator,
        [FromServices] IDocumentRetrieval? documents,
        CancellationToken cancellationToken)
    {
        var pointerId = PointerIds.Require(id);
        var index = ContentIndex(http.Request.Query);
        var context = http.ToRequestContext();

        var pointer = await locator.ReadAsync(pointerId, context, cancellationToken).ConfigureAwait(false);
        http.AuditPatient(pointer.Patient);
        if (pointer.Status != PointerStatus.Current)
        {
            throw new GatewayException(GatewayErrors.PointerNotFound);
        }

        if (index >= pointer.Content.Count)
        {
            throw new GatewayException(GatewayErrors.NotFound, "The pointer has no content with that number.");
        }

        // Without a Documents section the documents adapter is absent: no repository is allowed, as with an empty allow-list.
        var retrieval = documents ?? throw new GatewayException(GatewayErrors.DocumentHostNotAllowed, "No document repository is configured on this gateway.");
        await retrieval.StreamAsync(pointer.Content[index], pointerId, context, cancellationToken).ConfigureAwait(false);
    }

    private static int ContentIndex(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (key is not ContentParameter and not "_format")
            {
                throw new GatewayException(GatewayErrors.InvalidRequest, Fhir.UnsupportedParameters.Detail("document download", [ContentParameter]));
            }
        }

        var values = query[ContentParameter];
        if (values.Count == 0)
        {
            return 0;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 100
            ? n
            : throw new GatewayException(GatewayErrors.InvalidRequest, "content must be the number of one of the pointer's contents, from 0.");
    }
}
