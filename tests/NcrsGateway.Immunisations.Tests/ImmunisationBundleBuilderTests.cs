using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.Immunisations.Tests;

public sealed class ImmunisationBundleBuilderTests
{
    private const string BaseUrl = "https://gateway.example/fhir";
    private static readonly ImmunisationSearchQuery Query = new(TestEvents.Patient, ["COVID19", "FLU"], new DateOnly(2020, 1, 1), null);

    [Fact]
    public void Build_Events_AreASearchsetNewestFirstWithGatewayLinks()
    {
        var result = new ImmunisationSearchResult(
            Recorded<IReadOnlyList<ImmunisationEvent>>.Present([TestEvents.Full("old", "2021-01-14"), TestEvents.Full("new", "2022-10-17T09:40:00+01:00")], TestEvents.Provenance), []);

        var bundle = ImmunisationBundleBuilder.Build(result, Query, BaseUrl, TestEvents.Retrieved);

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(2, bundle.Total);
        Assert.Equal(["new", "old"], bundle.Entry.Select(e => e.Resource.Id));
        Assert.Equal(ImmunisationBundleBuilder.FullUrl("new"), bundle.Entry[0].FullUrl); // no Immunization read: a stable urn:uuid
        Assert.StartsWith("urn:uuid:", bundle.Entry[0].FullUrl, StringComparison.Ordinal);
        Assert.NotEqual(bundle.Entry[0].FullUrl, bundle.Entry[1].FullUrl);
        Assert.All(bundle.Entry, e => Assert.Equal(Bundle.SearchEntryMode.Match, e.Search.Mode));
        Assert.Equal(
            $"{BaseUrl}/Immunization?patient.identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9000000009&-immunization.target=COVID19,FLU&-date.from=2020-01-01",
            bundle.Link.Single(l => l.Relation == "self").Url);
    }

    [Fact]
    public void Build_NotRecorded_IsAnEmptySearchset()
    {
        var bundle = ImmunisationBundleBuilder.Build(ImmunisationSearchResult.NotRecorded(TestEvents.Provenance), Query, BaseUrl, TestEvents.Retrieved);

        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public void Build_Withheld_SaysSoInAnOutcomeEntryRatherThanLookingUnvaccinated()
    {
        var bundle = ImmunisationBundleBuilder.Build(ImmunisationSearchResult.Withheld(TestEvents.Provenance), Query, BaseUrl, TestEvents.Retrieved);

        Assert.Equal(0, bundle.Total);
        var entry = Assert.Single(bundle.Entry);
        Assert.Equal(Bundle.SearchEntryMode.Outcome, entry.Search.Mode);
        var issue = Assert.Single(((OperationOutcome)entry.Resource!).Issue);
        Assert.Equal(OperationOutcome.IssueType.Suppressed, issue.Code);
        Assert.Contains("do not treat the patient as unvaccinated", issue.Details.Text, StringComparison.Ordinal);
        Assert.Equal("withheld", ((Code)issue.GetExtension(GatewayExtensions.ElementStateUrl).Value!).Value);
        Assert.NotNull(issue.GetExtension(GatewayExtensions.ProvenanceUrl));
    }

    [Fact]
    public void Build_Warnings_AreListedInAnOutcomeEntry()
    {
        var result = ImmunisationSearchResult.NotRecorded(TestEvents.Provenance, ["Vaccination record 1 of 1 from the national immunisation service was left out because it has no id."]);

        var bundle = ImmunisationBundleBuilder.Build(result, Query, BaseUrl, TestEvents.Retrieved);

        var issue = Assert.Single(((OperationOutcome)Assert.Single(bundle.Entry).Resource!).Issue);
        Assert.Equal(OperationOutcome.IssueType.Incomplete, issue.Code);
        Assert.Contains("left out", issue.Details.Text, StringComparison.Ordinal);
    }
}
