using System.Collections;

namespace NcrsGateway.Correlation;

/// <summary>
/// The request's correlation ID, stored on the HttpContext for endpoints, audit and error responses. It is also the
/// request's log scope state (one <c>CorrelationId</c> property), so opening the scope allocates nothing more.
/// </summary>
internal sealed class CorrelationFeature(string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string CorrelationId { get; } = correlationId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new KeyValuePair<string, object?>("CorrelationId", CorrelationId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "CorrelationId:" + CorrelationId;
}
