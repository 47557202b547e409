using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using Xunit;

namespace NcrsGateway.Tests.Common;

/// <summary>Assertions on gateway responses, parsed with the same Firely serializer callers use.</summary>
public static class FhirAssert
{
    public static async Task<T> ResourceAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var resource = JsonSerializer.Deserialize<Resource>(body, FhirJson.Options);
        return Assert.IsType<T>(resource);
    }

    /// <summary>Asserts an OperationOutcome with the gateway error code and returns its human sentence.</summary>
    public static async Task<string> OutcomeAsync(HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var outcome = await ResourceAsync<OperationOutcome>(response, expected);
        var issue = Assert.Single(outcome.Issue);
        var coding = Assert.Single(issue.Details!.Coding);
        Assert.Equal(code, coding.Code);
        Assert.False(string.IsNullOrWhiteSpace(issue.Details.Text));
        Assert.DoesNotContain("Exception", issue.Details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return issue.Details.Text;
    }
}
