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
/// The raw document is returned (its own content type), and never stored; a caller that asks for FHIR JSON gets a FHIR
/// Binary resource instead (<see cref="BinaryResource"/>). A conditional request whose copy is current gets 304.
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
        Microsoft.Extensions.Options.IOptions<RecordLocationOptions> options,
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
        if (BinaryResource.IsAskedFor(http.Request))
        {
            await BinaryResource.WriteAsync(http, retrieval, pointer.Content[index], pointerId, context, options.Value.MaxBinaryResourceBytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfNoneMatch) && !http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfModifiedSince))
        {
            await retrieval.StreamAsync(pointer.Content[index], pointerId, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        await StreamUnlessNotModifiedAsync(http, retrieval, pointer.Content[index], pointerId, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A conditional download: 304 (no body) when the repository's ETag or Last-Modified says the caller's copy is current.</summary>
    private static async Task StreamUnlessNotModifiedAsync(HttpContext http, IDocumentRetrieval retrieval, DocumentContent content, string pointerId, RequestContext context, CancellationToken cancellationToken)
    {
        var original = http.Response.Body;
        var gate = new NotModifiedGateStream(http, original);
        http.Response.Body = gate;
        try
        {
            await retrieval.StreamAsync(content, pointerId, context, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException) when (gate.NotModified)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            string[] contentHeaders = ["Content-Length", "Content-Type", "Content-Disposition", "Content-Encoding", "Content-Range", "Content-Language"];
            foreach (var (name, value) in gate.Headers.Where(h => !contentHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
            {
                http.Response.Headers[name] = value;
            }
        }
        finally
        {
            http.Response.Body = original;
            await gate.DisposeAsync().ConfigureAwait(false);
        }
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
