using System.Security.Cryptography;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Sandbox.Nrl;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>NrlClient against the sandbox simulators: the happy paths and the sandbox's curated edge cases.</summary>
public sealed partial class NrlClientTests
{
    private NrlTestHost SandboxHost() => new(_sandbox.Sandbox.NrlBaseUrl, new Dictionary<string, string?> { ["Adapters:Nrl:AllowHttpContentUrls"] = "true" });

    [Fact]
    public async Task Search_SandboxPatient_ReturnsCurrentPointersWithRetrievableContent()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithPointers)), NrlTestHost.Context(), CancellationToken.None);

        string[] expected = [NrlSandboxPointers.CrisisPlanId, NrlSandboxPointers.EndOfLifeSummaryId, NrlSandboxPointers.RespectId, NrlSandboxPointers.SspPointerId, NrlSandboxPointers.ReplacementId];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Pointers.Select(p => p.Id).Order(StringComparer.Ordinal));
        var crisis = result.Pointers.Single(p => p.Id == NrlSandboxPointers.CrisisPlanId);
        Assert.Equal(new CodedConcept(CodedConcept.Snomed, "736253002", "Mental health crisis plan"), crisis.Type);
        Assert.Equal("734163000", crisis.Category?.Code);
        Assert.Equal("XSB01", crisis.CustodianOds);
        Assert.Equal(PointerStatus.Current, crisis.Status);
        Assert.Equal(SourceServices.Nrl, crisis.Provenance.Source);

        using var http = new HttpClient();
        var pdf = await http.GetByteArrayAsync(Assert.Single(crisis.Content).Url);
        Assert.Equal(SandboxDocuments.PdfSha256, SandboxDocuments.Sha256(pdf));
    }

    [Fact]
    public async Task Search_SandboxSupersededPair_HidesTheReplacedPointer()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithPointers)), NrlTestHost.Context(), CancellationToken.None);

        Assert.DoesNotContain(result.Pointers, p => p.Id == NrlSandboxPointers.SupersededId);
        Assert.Equal(NrlSandboxPointers.SupersededId, result.Pointers.Single(p => p.Id == NrlSandboxPointers.ReplacementId).Replaces);
    }

    [Fact]
    public async Task Search_SandboxMalformedPointer_IsSkippedWithWarningWhileGoodOnesReturn()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithPointers)), NrlTestHost.Context(), CancellationToken.None);

        Assert.DoesNotContain(result.Pointers, p => p.Id == NrlSandboxPointers.MalformedId);
        Assert.NotEmpty(result.Pointers);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("custodian", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(NrlSandboxPointers.PatientWithPointers, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("://", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SandboxSspPointer_CarriesSpineAsid()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithPointers)), NrlTestHost.Context(), CancellationToken.None);

        var content = Assert.Single(result.Pointers.Single(p => p.Id == NrlSandboxPointers.SspPointerId).Content);
        Assert.True(content.RequiresSpineSecureProxy);
        Assert.False(string.IsNullOrEmpty(content.SpineAsid));
    }

    [Fact]
    public async Task Search_SandboxTypeFilter_ReturnsOnlyThatType()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithPointers), ["1382601000000107"], []), NrlTestHost.Context(), CancellationToken.None);

        var respect = Assert.Single(result.Pointers);
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(Assert.Single(respect.Content).Url);
        Assert.Equal(SandboxDocuments.Sha256(SandboxDocuments.CreateLargePdf()), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.True(bytes.Length > SandboxDocuments.LargePdfPaddingBytes);
    }

    [Fact]
    public async Task Search_SandboxNotOnboardedType_ThrowsPointerTypeNotPermitted()
    {
        using var host = SandboxHost();

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.SearchAsync(
            new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithPointers), [NrlSandboxPointers.NotPermittedType], []), NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.PointerTypeNotPermitted, e.Error);
        Assert.Equal(403, e.Error.HttpStatus);
    }

    [Fact]
    public async Task Search_SandboxUnknownPatient_ReturnsEmptyResult()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.UnknownPatient)), NrlTestHost.Context(), CancellationToken.None);

        Assert.Empty(result.Pointers);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Search_SandboxPatientWithManyPointers_ReturnsAllUnpaged()
    {
        using var host = SandboxHost();

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithManyPointers)), NrlTestHost.Context(), CancellationToken.None);

        Assert.Equal(NrlSandboxPointers.ManyPointersCount, result.Pointers.Count);
    }

    [Fact]
    public async Task Read_SandboxPointer_ReturnsIt()
    {
        using var host = SandboxHost();

        var pointer = await host.Client.ReadAsync(NrlSandboxPointers.EndOfLifeSummaryId, NrlTestHost.Context(), CancellationToken.None);

        Assert.Equal("861421000000109", pointer.Type.Code);
        Assert.Equal(SandboxDocuments.BundleContentType, Assert.Single(pointer.Content).ContentType);
    }

    [Fact]
    public async Task Read_SandboxUnknownPointer_ThrowsPointerNotFound()
    {
        using var host = SandboxHost();

        var e = await Assert.ThrowsAsync<GatewayException>(() => host.Client.ReadAsync("XSB01-does-not-exist", NrlTestHost.Context(), CancellationToken.None));

        Assert.Equal(GatewayErrors.PointerNotFound, e.Error);
    }

    [Fact]
    public async Task Search_SandboxWithoutHttpAllowance_SkipsPlainHttpDocumentUrls()
    {
        using var host = new NrlTestHost(_sandbox.Sandbox.NrlBaseUrl);

        var result = await host.Client.SearchAsync(new PointerSearchQuery(Nhs(NrlSandboxPointers.PatientWithTwoPointers)), NrlTestHost.Context(), CancellationToken.None);

        Assert.Empty(result.Pointers);
        Assert.Equal(2, result.Warnings.Count);
    }
}
