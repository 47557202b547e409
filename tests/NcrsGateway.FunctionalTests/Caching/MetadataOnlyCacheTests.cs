using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Caching;
using NcrsGateway.Caching.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using StackExchange.Redis;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>Document content never enters the cache, in either tier: the admission rule refuses it.</summary>
public sealed class MetadataOnlyCacheTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private SandboxUpstreams _sandbox = null!;
    private GatewayHost _host = null!;
    private readonly string _instance = "m" + Guid.NewGuid().ToString("N")[..8] + ":";

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _sandbox = SandboxUpstreams.Start();
        var settings = SharedRedisGateways.Settings(_redis, _sandbox, _instance);
        settings["Adapters:Nrl:BaseUrl"] = _sandbox.NrlBaseUrl.ToString(); // the pointer profile exists only with NRL configured
        settings["Adapters:Nrl:AccessToken"] = "sandbox-token";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _sandbox.Dispose();
        await _redis.DisposeAsync();
    }

    public static TheoryData<string, string, string> DocumentContent => new()
    {
        { "binary", "application/fhir+json", """{"resourceType":"Binary","contentType":"application/pdf","data":"JVBERi0xLjQK"}""" },
        { "pdf", "application/pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF" },
        { "inline-attachment", "application/fhir+json", """{"resourceType":"DocumentReference","status":"current","content":[{"attachment":{"contentType":"application/pdf","data":"JVBERi0xLjQK"}}]}""" },
        { "binary-in-bundle", "application/fhir+json", """{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Binary","contentType":"text/plain","data":"aGk="}}]}""" },
    };

    [Theory]
    [MemberData(nameof(DocumentContent))]
    public async Task Store_DocumentContent_IsRefusedAndStoredInNeitherTier(string name, string contentType, string body)
    {
        var cache = _host.Services.GetRequiredService<MetadataCache>();
        var key = PointerKey(cache, name);
        var payload = new FhirPayload(Encoding.UTF8.GetBytes(body), contentType, null, null, new Provenance(SourceServices.Nrl, DateTimeOffset.UtcNow, null, null, true));

        await Assert.ThrowsAsync<NotCacheableException>(() => cache.StoreAsync(key, payload, CancellationToken.None));
        await Assert.ThrowsAsync<NotCacheableException>(() => cache.GetOrFetchAsync(key, false, _ => Task.FromResult(payload), CancellationToken.None));

        Assert.Null(await cache.PeekLocalAsync(key.Key));
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port}");
        Assert.False(await redis.GetDatabase().KeyExistsAsync(_instance + "cache:" + key.Key));
    }

    [Fact]
    public async Task Store_PointerMetadataBundle_IsAcceptedInBothTiers()
    {
        var cache = _host.Services.GetRequiredService<MetadataCache>();
        var key = PointerKey(cache, "metadata");
        const string body = """{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"DocumentReference","status":"current","content":[{"attachment":{"contentType":"application/pdf","url":"https://example.nhs.uk/doc/1"}}]}}]}""";
        var payload = new FhirPayload(Encoding.UTF8.GetBytes(body), "application/fhir+json", null, null, new Provenance(SourceServices.Nrl, DateTimeOffset.UtcNow, null, null, true));

        await cache.StoreAsync(key, payload, CancellationToken.None);

        Assert.NotNull(await cache.PeekLocalAsync(key.Key));
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port}");
        Assert.True(await redis.GetDatabase().KeyExistsAsync(_instance + "cache:" + key.Key));
    }

    [Fact]
    public async Task EvictAllLocal_AfterRedisOutage_EmptiesTierOneButLeavesRedis()
    {
        var cache = _host.Services.GetRequiredService<MetadataCache>();
        var key = PointerKey(cache, "evict-all");
        const string body = """{"resourceType":"DocumentReference","status":"current"}""";
        await cache.StoreAsync(key, new FhirPayload(Encoding.UTF8.GetBytes(body), "application/fhir+json", null, null, new Provenance(SourceServices.Nrl, DateTimeOffset.UtcNow, null, null, true)), CancellationToken.None);

        await cache.EvictAllLocalAsync();

        Assert.Null(await cache.PeekLocalAsync(key.Key));
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port}");
        Assert.True(await redis.GetDatabase().KeyExistsAsync(_instance + "cache:" + key.Key));
    }

    private static CacheEntryKey PointerKey(MetadataCache cache, string discriminator)
    {
        NhsNumber.TryParse(SandboxPatients.Search, out var nhsNumber);
        return MetadataCacheExtensions.PointerSearchKey(cache, nhsNumber, discriminator)!;
    }
}
