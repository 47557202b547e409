using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using NcrsGateway.Sandbox.Immunisation;
using NcrsGateway.Sandbox.Mns;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Sandbox;

/// <summary>
/// A small simulated MNS subscription API: <c>POST subscriptions</c> with a FHIR R4 <c>Subscription</c> (criteria
/// <c>eventType={type}</c>, a <c>rest-hook</c> channel to an absolute endpoint) answers 201 with it active and an id;
/// <c>GET subscriptions</c> answers a Bundle of them. Like the real API it requires a Bearer token and a UUID
/// <c>X-Request-ID</c>. It never de-duplicates: every accepted create is a new subscription, and
/// <see cref="CreateCount"/> counts them, so a test sees a replayed create that reached it.
/// </summary>
public static class MnsSimulator
{
    /// <summary>The path the API is served under, as on the real service.</summary>
    public const string BasePath = "/multicast-notification-service/";

    private const string SubscriptionsPath = BasePath + "subscriptions";

    private static readonly ConditionalWeakTable<WireMockServer, MnsSubscriptionStore> Stores = [];

    public static void Register(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var store = new MnsSubscriptionStore();
        Stores.AddOrUpdate(server, store);
        server.Given(Request.Create().WithPath(SubscriptionsPath).UsingPost()).RespondWith(Response.Create().WithCallback(r => Create(store, r)));
        server.Given(Request.Create().WithPath(SubscriptionsPath).UsingGet()).RespondWith(Response.Create().WithCallback(r => List(store, r)));
    }

    /// <summary>How many subscriptions the MNS simulator on <paramref name="server"/> has created (0 when none runs there).</summary>
    public static int CreateCount(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Stores.TryGetValue(server, out var store) ? store.Creates : 0;
    }

    private static ResponseMessage Create(MnsSubscriptionStore store, IRequestMessage request)
    {
        if (Refused(request) is { } refused)
        {
            return refused;
        }

        JsonObject? subscription;
        try
        {
            subscription = JsonNode.Parse(request.Body ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            subscription = null;
        }

        if (subscription is null || (string?)subscription["resourceType"] != "Subscription"
            || (string?)subscription["criteria"] is not { } criteria || !criteria.StartsWith("eventType=", StringComparison.Ordinal) || criteria.Length == "eventType=".Length
            || (string?)subscription["channel"]?["type"] != "rest-hook"
            || !Uri.TryCreate((string?)subscription["channel"]?["endpoint"], UriKind.Absolute, out _))
        {
            return ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID_VALUE", "A Subscription with criteria eventType={type} and a rest-hook channel to an absolute endpoint is required");
        }

        return ImmunisationSimulatorResponses.Fhir(request, 201, store.Add(subscription));
    }

    private static ResponseMessage List(MnsSubscriptionStore store, IRequestMessage request)
    {
        if (Refused(request) is { } refused)
        {
            return refused;
        }

        var origin = new Uri(request.Url).GetLeftPart(UriPartial.Authority);
        return ImmunisationSimulatorResponses.Fhir(request, 200, ImmunisationSimulatorResponses.SearchSet(origin + SubscriptionsPath, store.All, origin + SubscriptionsPath + "/"));
    }

    private static ResponseMessage? Refused(IRequestMessage request)
    {
        if (ImmunisationSimulatorResponses.Header(request, "Authorization") is not { } auth
            || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(auth[7..]))
        {
            return ImmunisationSimulatorResponses.Error(request, 401, "forbidden", "ACCESS_DENIED", "Missing or invalid Bearer token");
        }

        return Guid.TryParseExact(ImmunisationSimulatorResponses.Header(request, "X-Request-ID"), "D", out _)
            ? null
            : ImmunisationSimulatorResponses.Error(request, 400, "invalid", "INVALID", "X-Request-ID must be a UUID");
    }
}
