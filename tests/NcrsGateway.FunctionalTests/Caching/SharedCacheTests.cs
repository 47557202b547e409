using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using StackExchange.Redis;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>The metadata cache shared by two instances through one real Redis. Each test uses its own patient.</summary>
public sealed class SharedCacheTests(SharedRedisGateways gateways) : IClassFixture<SharedRedisGateways>
{
    [Fact]
    public async Task Read_FetchedByInstanceA_IsServedFromCacheByInstanceB()
    {
        const string number = SandboxPatients.Minimal;

        using var first = await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}");
        using var second = await gateways.B.CreateClinicianClient().GetAsync($"fhir/Patient/{number}");

        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Patient>(second);
        Assert.Equal("MISS", Header(first, "X-Cache"));
        Assert.Equal("HIT", Header(second, "X-Cache"));
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(Header(first, "X-Retrieved-At"), Header(second, "X-Retrieved-At"));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, gateways.UpstreamReadsOf(number));
    }

    [Fact]
    public async Task InvalidatePatient_OnInstanceA_IsSeenByInstanceB()
    {
        const string number = SandboxPatients.Restricted;
        using (await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}"))
        using (var warm = await gateways.B.CreateClinicianClient().GetAsync($"fhir/Patient/{number}"))
        {
            Assert.Equal("HIT", Header(warm, "X-Cache"));
        }

        NhsNumber.TryParse(number, out var nhsNumber);
        await gateways.A.Services.GetRequiredService<IMetadataCacheInvalidator>().InvalidatePatientAsync(nhsNumber, CancellationToken.None);

        var status = await EventuallyAsync(async () =>
        {
            using var response = await gateways.B.CreateClinicianClient().GetAsync($"fhir/Patient/{number}");
            return Header(response, "X-Cache");
        }, "MISS");
        Assert.Equal("MISS", status);
        Assert.Equal(2, gateways.UpstreamReadsOf(number));
    }

    [Fact]
    public async Task HundredConcurrentIdenticalMisses_AcrossTwoInstances_MakeOneUpstreamCall()
    {
        const string number = SandboxPatients.Deceased;
        using var clientA = gateways.A.CreateClinicianClient();
        using var clientB = gateways.B.CreateClinicianClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            (i % 2 == 0 ? clientA : clientB).GetAsync($"fhir/Patient/{number}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, gateways.UpstreamReadsOf(number));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task NoCacheFromCaller_ForcesAnUpstreamRefreshAndOverwritesTheEntry()
    {
        const string number = SandboxPatients.Search;
        using (await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}"))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{number}");
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var refreshed = await gateways.B.CreateClinicianClient().SendAsync(request);
        using var after = await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}");

        Assert.Equal("REFRESH", Header(refreshed, "X-Cache"));
        Assert.Equal("HIT", Header(after, "X-Cache"));
        Assert.Equal(Header(refreshed, "X-Retrieved-At"), await EventuallyAsync(async () =>
        {
            using var r = await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}");
            return Header(r, "X-Retrieved-At");
        }, Header(refreshed, "X-Retrieved-At")));
        Assert.Equal(2, gateways.UpstreamReadsOf(number));
    }

    [Fact]
    public async Task IfNoneMatch_WithOurETag_Returns304WithoutBody()
    {
        const string number = SandboxPatients.SameFamily;
        using var first = await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}");
        Assert.NotNull(first.Headers.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{number}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var conditional = await gateways.B.CreateClinicianClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(first.Headers.ETag, conditional.Headers.ETag);
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CacheKeysInRedis_NeverContainTheNhsNumber()
    {
        const string number = SandboxPatients.InformallyDeceased;
        using (await gateways.A.CreateClinicianClient().GetAsync($"fhir/Patient/{number}"))
        {
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{gateways.Redis.Port}");
        var keys = redis.GetServer($"127.0.0.1:{gateways.Redis.Port}").Keys(pattern: gateways.InstanceName + "*").Select(k => k.ToString()).ToList();

        Assert.Contains(keys, k => k.StartsWith(gateways.InstanceName + "cache:patient:", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains(number, StringComparison.Ordinal));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    /// <summary>Polls briefly for a value that arrives through Redis pub/sub (asynchronous by nature).</summary>
    private static async Task<string?> EventuallyAsync(Func<Task<string?>> probe, string? expected)
    {
        string? last = null;
        for (var i = 0; i < 40 && last != expected; i++)
        {
            last = await probe();
            if (last != expected)
            {
                await Task.Delay(50);
            }
        }

        return last;
    }
}
