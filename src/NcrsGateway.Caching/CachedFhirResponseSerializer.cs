using System.Buffers;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;

namespace NcrsGateway.Caching;

/// <summary>
/// Binary layout of a cache entry (for HybridCache and the shared Redis tier): a format byte, the profile name, the
/// retrieval instant (UTC ticks), length-prefixed UTF-8 strings, then the body bytes. No JSON, no FHIR model.
/// </summary>
internal sealed class CachedFhirResponseSerializer : IHybridCacheSerializer<CachedFhirResponse>
{
    private const byte Format = 2; // 1 stored a kind byte: such entries read as a miss

    public CachedFhirResponse Deserialize(ReadOnlySequence<byte> source)
    {
        using var reader = new BinaryReader(new MemoryStream(source.ToArray()), Encoding.UTF8);
        if (reader.ReadByte() != Format)
        {
            throw new InvalidDataException("Unknown cache entry format.");
        }

        var profile = reader.ReadString();
        var retrievedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var contentType = reader.ReadString();
        var eTag = reader.ReadString();
        var contentLocation = ReadOptional(reader);
        var sourceService = reader.ReadString();
        var upstreamVersion = ReadOptional(reader);
        var body = reader.ReadBytes(reader.ReadInt32());
        return CachedFhirResponse.Restore(profile, body, contentType, eTag, contentLocation, sourceService, retrievedAt, upstreamVersion);
    }

    public void Serialize(CachedFhirResponse value, IBufferWriter<byte> target) => target.Write(ToBytes(value));

    public byte[] ToBytes(CachedFhirResponse value)
    {
        using var stream = new MemoryStream(value.Body.Length + 256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(value.Profile);
            writer.Write(value.RetrievedAt.UtcTicks);
            writer.Write(value.ContentType);
            writer.Write(value.ETag);
            WriteOptional(writer, value.RelativeContentLocation);
            writer.Write(value.Source);
            WriteOptional(writer, value.UpstreamVersion);
            writer.Write(value.Body.Length);
            writer.Write(value.Body.Span);
        }

        return stream.ToArray();
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
