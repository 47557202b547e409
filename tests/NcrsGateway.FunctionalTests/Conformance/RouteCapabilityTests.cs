using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>
/// The mapped FHIR routes (from the endpoint data source) and the CapabilityStatement say the same thing: every
/// route is declared, every declared interaction and operation has a route, and every operation's definition is served
/// (anonymously) and validates. <c>/fhir/metadata</c>, <c>/fhir/OperationDefinition/{id}</c> and the fallback are the
/// conformance interface itself, not resources the statement lists.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class RouteCapabilityTests(FhirValidatorFixture validator, SandboxGatewayFixture gateway) : IClassFixture<SandboxGatewayFixture>
{
    [Fact]
    public async Task MappedRoutesAndCapabilityStatement_DeclareTheSameInteractionsAndEveryOperationIsDefined()
    {
        using var anonymous = gateway.Host.CreateClient();
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await anonymous.GetAsync("fhir/metadata"));
        var declared = Declared(statement).ToHashSet();
        var routed = Routed().ToHashSet();

        var undeclared = routed.Except(declared).ToList();
        var unrouted = declared.Except(routed).ToList();

        Assert.True(undeclared.Count == 0, "Routes missing from the CapabilityStatement: " + string.Join(", ", undeclared));
        Assert.True(unrouted.Count == 0, "CapabilityStatement entries with no route: " + string.Join(", ", unrouted));
        var operations = statement.Rest.Single().Resource.SelectMany(r => r.Operation).ToList();
        Assert.NotEmpty(operations);
        foreach (var operation in operations)
        {
            var id = operation.Definition[(operation.Definition.LastIndexOf('/') + 1)..];
            using var response = await anonymous.GetAsync($"fhir/OperationDefinition/{id}");
            var json = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation.Name}: its definition {operation.Definition} answers {(int)response.StatusCode}");
            var definition = Assert.IsType<OperationDefinition>(System.Text.Json.JsonSerializer.Deserialize<Resource>(json, Core.Fhir.FhirJson.Options));
            Assert.Equal((operation.Definition, operation.Name), (definition.Url, definition.Code));
            var errors = validator.Errors(json);
            Assert.True(errors.Count == 0, $"{id}: {FhirValidatorFixture.Describe(errors)}");
        }
    }

    [Fact]
    public async Task SearchParameterNames_CarryNoModifierOrChainAndNoPagingParameter()
    {
        using var anonymous = gateway.Host.CreateClient();
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await anonymous.GetAsync("fhir/metadata"));

        var names = statement.Rest.Single().Resource.SelectMany(r => r.SearchParam.Select(p => $"{r.Type}.{p.Name}")).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotMatch(@"^\w+\..*[:.]", n));
        Assert.DoesNotContain(names, n => n.EndsWith("._count", StringComparison.Ordinal) || n.EndsWith("._page", StringComparison.Ordinal) || n.EndsWith("._cursor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownOperationDefinition_Answers404OperationOutcome()
    {
        using var anonymous = gateway.Host.CreateClient();

        await FhirAssert.OutcomeAsync(await anonymous.GetAsync("fhir/OperationDefinition/Patient-nothing"), HttpStatusCode.NotFound, "not-found");
    }

    private static IEnumerable<string> Declared(CapabilityStatement statement)
    {
        foreach (var resource in statement.Rest.Single().Resource)
        {
            foreach (var interaction in resource.Interaction)
            {
                yield return $"{resource.Type} {interaction.Code?.GetLiteral()}";
            }

            foreach (var operation in resource.Operation)
            {
                yield return $"{resource.Type} ${operation.Name}";
            }
        }
    }

    /// <summary>Each mapped <c>/fhir</c> route as the CapabilityStatement would name it: <c>{type} read</c>, <c>{type} search-type</c> (GET or POST <c>_search</c>), <c>{type} create</c> (POST), <c>{type} delete</c>, <c>{type} ${op}</c>.</summary>
    private IEnumerable<string> Routed()
    {
        var endpoints = gateway.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var segments = (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/').Split('/');
            if (segments is not ["fhir", var type, ..] || type is "metadata" or "OperationDefinition" || type.StartsWith('{'))
            {
                continue; // not FHIR, the conformance interface, or the fallback
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            yield return segments switch
            {
                [_, _] when methods.Contains("GET") => $"{type} search-type",
                [_, _] when methods.Contains("POST") => $"{type} create",
                [_, _, "_search"] when methods.Contains("POST") => $"{type} search-type", // POST [type]/_search: the same search
                [_, _, var op] when op.StartsWith('$') => $"{type} {op}",
                [_, _, _] when methods.Contains("GET") => $"{type} read",
                [_, _, _] when methods.Contains("DELETE") => $"{type} delete",
                _ => $"{type} {string.Join('/', segments[2..])} ({string.Join(',', methods)})",
            };
        }
    }
}
