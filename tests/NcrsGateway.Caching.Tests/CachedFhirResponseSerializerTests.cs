using System.Buffers;
using System.Text;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Caching.Tests;

public sealed class CachedFhirResponseSerializerTests
{
    private readonly CachedFhirResponseSerializer _serializer = new();

    [Fact]
    public void Deserialize_WhatWasSerialized_KeepsTheProfileAndBytes()
    {
        var payload = new FhirPayload(Encoding.UTF8.GetBytes("""{"resourceType":"Patient"}"""), "application/fhir+json", "W/\"3\"", "Patient/9000000009",
            new Provenance("pds", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "3", null, true));
        var entry = CachedFhirResponse.FromAdmitted("pds", payload);

        var restored = _serializer.Deserialize(new ReadOnlySequence<byte>(_serializer.ToBytes(entry)));

        Assert.Equal("pds", restored.Profile);
        Assert.Equal(payload.Body.ToArray(), restored.Body.ToArray());
        Assert.Equal("W/\"3\"", restored.ETag);
        Assert.Equal(payload.Provenance.RetrievedAt, restored.RetrievedAt);
    }

    [Fact]
    public void Deserialize_EntryOfTheKindFormat_IsUnreadableSoAMiss()
    {
        byte[] before = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Throws<InvalidDataException>(() => _serializer.Deserialize(new ReadOnlySequence<byte>(before)));
    }
}
