using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// Reads a request body into memory, never more than the limit: a declared <c>Content-Length</c> over it is refused
/// before reading, and a body (chunked included) that keeps going past it is refused as soon as the limit is crossed.
/// </summary>
internal static class BoundedBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L; // the server stops too; our own count below gives the clear answer
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes + 1L));
        while (true)
        {
            var memory = buffer.GetMemory(8 * 1024);
            int read;
            try
            {
                read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(maxBytes);
            }

            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }
    }

    private static GatewayException TooLarge(int maxBytes) =>
        new(GatewayErrors.RequestTooLarge, $"Event deliveries are limited to {maxBytes} bytes; split the batch.");
}
