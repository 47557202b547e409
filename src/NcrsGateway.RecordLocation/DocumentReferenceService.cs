using Hl7.Fhir.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.RecordLocation;

/// <summary>Searches and reads record-locator pointers; the endpoints serialize the answer once.</summary>
internal sealed class DocumentReferenceService(IRecordLocator locator, TimeProvider time)
{
    public async Task<Bundle> SearchAsync(DocumentReferenceSearch search, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var result = await locator.SearchAsync(search.Query, context, cancellationToken).ConfigureAwait(false);
        return DocumentReferenceBundleBuilder.Build(result, search, baseUrl, time.GetUtcNow());
    }

    /// <summary>One pointer; its <c>meta.versionId</c> is NRL's version (the endpoint's ETag).</summary>
    public async Task<DocumentReference> ReadAsync(string pointerId, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var pointer = await locator.ReadAsync(PointerIds.Require(pointerId), context, cancellationToken).ConfigureAwait(false);
        return DocumentReferenceMapper.ToFhir(pointer, baseUrl);
    }
}
