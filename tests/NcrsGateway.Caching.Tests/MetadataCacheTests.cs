using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Caching.Tests;

/// <summary>The cache in one process (no Redis, no Kestrel): entries are admitted only under a known, cacheable profile.</summary>
public sealed class MetadataCacheTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MetadataCache _cache;
    private readonly NhsNumber _patient = NhsNumber.TryParse("9000000009", out var n) ? n : throw new InvalidOperationException();

    public MetadataCacheTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cache:TimeToLive:nrl"] = "00:00:30" });
        foreach (var descriptor in TestProfiles.All)
        {
            builder.Services.AddSingleton(descriptor);
        }

        builder.AddMetadataCache();
        _services = builder.Services.BuildServiceProvider();
        _cache = _services.GetRequiredService<MetadataCache>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task GetOrFetch_NeverCacheProfile_IsRefusedBeforeAnythingIsFetched()
    {
        var key = _cache.Keys.ForPatient("immunisation", "immunisations", _patient);
        var fetched = false;

        await Assert.ThrowsAsync<NotCacheableException>(() => _cache.GetOrFetchAsync(key, false, _ =>
        {
            fetched = true;
            return Task.FromResult(Payload("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Immunization"}}]}"""));
        }, CancellationToken.None));

        Assert.False(fetched);
        Assert.Null(await _cache.PeekLocalAsync(key.Key));
    }

    [Fact]
    public async Task Store_UnknownProfile_IsRefusedAndNothingStored()
    {
        var key = _cache.Keys.ForPatient("third-kind", "things", _patient);

        await Assert.ThrowsAsync<NotCacheableException>(() => _cache.StoreAsync(key, Payload("""{"resourceType":"DocumentReference"}"""), CancellationToken.None));

        Assert.Null(await _cache.PeekLocalAsync(key.Key));
    }

    [Fact]
    public async Task Store_UnderItsProfile_IsKeptWithThatProfileAndLifetime()
    {
        var key = _cache.Keys.ForPatient("nrl", "pointers", _patient, "query");

        await _cache.StoreAsync(key, Payload("""{"resourceType":"DocumentReference","status":"current"}"""), CancellationToken.None);

        Assert.Equal("nrl", (await _cache.PeekLocalAsync(key.Key))?.Profile);
        Assert.Equal(TimeSpan.FromSeconds(30), _cache.TtlFor("nrl"));
    }

    [Fact]
    public void ForPatient_Key_NeverContainsTheNhsNumber()
    {
        var key = _cache.Keys.ForPatient("pds", "patient", _patient);

        Assert.DoesNotContain(_patient.Value, key.Key, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Tags, t => t.Contains(_patient.Value, StringComparison.Ordinal));
        Assert.Equal("pds", key.Profile);
    }

    private static FhirPayload Payload(string body) =>
        new(Encoding.UTF8.GetBytes(body), "application/fhir+json", null, null, new Provenance("test", DateTimeOffset.UtcNow, null, null, true));
}
