namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Reads each attempt's whole response body into memory (at most <c>maxBytes</c>) before the attempt returns. It sits
/// inside the standard resilience handler, so the attempt and total timeouts, the circuit breaker and the concurrency
/// budget cover the body as well as the headers: an upstream that trickles its body times out and counts as a failure.
/// </summary>
internal sealed class UpstreamBodyBufferingHandler(int maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var original = response.Content;
            if (original.Headers.ContentLength > maxBytes)
            {
                throw new UpstreamResponseTooLargeException();
            }

            var buffered = new ByteArrayContent(await ReadBoundedAsync(original, cancellationToken).ConfigureAwait(false));
            foreach (var header in original.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw new UpstreamResponseTooLargeException();
                }

                body.Write(chunk, 0, read);
            }

            return body.ToArray();
        }
    }
}
