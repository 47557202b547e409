using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Model;
using NcrsGateway.Adapters.Pds;
using NcrsGateway.Core;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Demographics;

namespace NcrsGateway.Benchmarks;

/// <summary>
/// What answering a Patient read costs on each path, side by side in one run: a cache hit copies stored
/// bytes; a miss parses the upstream JSON, maps it twice (wire → model → UK Core) and serializes it.
/// Run: dotnet run -c Release --project bench/NcrsGateway.Benchmarks -- --filter '*PatientResponse*'
/// </summary>
[MemoryDiagnoser]
public class PatientResponseBenchmarks
{
    private byte[] _upstreamBody = [];
    private byte[] _cachedResponse = [];
    private NhsNumber _nhsNumber;

    [GlobalSetup]
    public void Setup()
    {
        NhsNumber.TryParse("9000000017", out _nhsNumber);
        var patient = new Patient
        {
            Id = "9000000017",
            Meta = new Meta { VersionId = "3" },
            Identifier = [new Identifier(NhsNumber.System, "9000000017")],
            Name = [new HumanName { Family = "Ashworth", Given = ["Eleanor", "Mary"], Use = HumanName.NameUse.Usual }],
            Gender = AdministrativeGender.Female,
            BirthDate = "1968-04-17",
            Address = Enumerable.Range(0, 8).Select(i => new Address { Use = Address.AddressUse.Home, Line = [$"{i} Example Street", "Harrogate"], PostalCode = "HG1 4QT" }).ToList(),
            Telecom = Enumerable.Range(0, 6).Select(i => new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, $"0163296{i:0000}")).ToList(),
        };
        _upstreamBody = JsonSerializer.SerializeToUtf8Bytes(patient, FhirJson.Options);
        _cachedResponse = Miss();
    }

    [Benchmark(Baseline = true, Description = "cache hit: copy stored bytes")]
    public int Hit()
    {
        using var sink = new MemoryStream(_cachedResponse.Length);
        sink.Write(_cachedResponse);
        return (int)sink.Length;
    }

    [Benchmark(Description = "miss: parse + map + serialize")]
    public byte[] Miss()
    {
        var wire = JsonSerializer.Deserialize<Patient>(_upstreamBody, FhirJson.Upstream)!;
        var record = PdsMapper.Map(wire, _nhsNumber, "3", DateTimeOffset.UtcNow);
        return JsonSerializer.SerializeToUtf8Bytes(PatientResourceMapper.ToFhir(record), FhirJson.Options);
    }
}
