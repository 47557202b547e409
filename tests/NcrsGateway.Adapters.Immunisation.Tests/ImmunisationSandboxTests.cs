using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Sandbox;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>The adapter against the sandbox simulator end to end: what an integrator sees in the sandbox.</summary>
public sealed class ImmunisationSandboxTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Search_SandboxPatient_ReturnsItsVaccinationsForTheRequestedTypes()
    {
        using var host = new ImmunisationTestHost(fixture.Sandbox.ImmunisationBaseUrl);

        var result = await host.Client.SearchAsync(Query(SandboxPatients.Search, "MMR"), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.Equal(["1", "2"], result.EventsOrEmpty.Select(e => e.DoseNumber.Value).Order(StringComparer.Ordinal));
        Assert.All(result.EventsOrEmpty, e => Assert.Equal(3, e.TargetDiseases.Value!.Count));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Search_SandboxRestrictedPatient_HasPerformerAndLocationWithheld()
    {
        using var host = new ImmunisationTestHost(fixture.Sandbox.ImmunisationBaseUrl);

        var result = await host.Client.SearchAsync(Query(SandboxPatients.Restricted, "FLU"), ImmunisationTestHost.Context(), CancellationToken.None);

        var flu = Assert.Single(result.EventsOrEmpty);
        Assert.Equal(ElementState.Withheld, flu.Performer.State);
        Assert.Equal(ElementState.Withheld, flu.Location.State);
    }

    [Fact]
    public async Task Search_SandboxMalformedRecord_IsSkippedWithAWarning()
    {
        using var host = new ImmunisationTestHost(fixture.Sandbox.ImmunisationBaseUrl);

        var result = await host.Client.SearchAsync(Query(SandboxPatients.Deceased, "RSV"), ImmunisationTestHost.Context(), CancellationToken.None);

        Assert.Equal(ElementState.NotRecorded, result.Events.State);
        Assert.Contains("vaccine code", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SandboxNotPermittedType_IsVaccineTypeNotPermitted()
    {
        using var host = new ImmunisationTestHost(fixture.Sandbox.ImmunisationBaseUrl);

        var e = await Assert.ThrowsAsync<Core.Errors.GatewayException>(() =>
            host.Client.SearchAsync(Query(SandboxPatients.Deceased, "PERTUSSIS"), ImmunisationTestHost.Context(), CancellationToken.None));

        Assert.Equal("vaccine-type-not-permitted", e.Error.Code);
    }

    private static ImmunisationSearchQuery Query(string nhsNumber, params string[] targets) => new(ImmunisationTestHost.Nhs(nhsNumber), targets);
}
