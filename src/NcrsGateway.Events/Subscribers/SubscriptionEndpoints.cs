using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Events.Subscribers;

/// <summary>
/// <c>POST /fhir/Subscription</c>, <c>GET /fhir/Subscription/{id}</c>, <c>DELETE /fhir/Subscription/{id}</c> for local
/// clinical apps (policy <see cref="GatewayPolicies.Launcher"/>, role clinician): a rest-hook Subscription to an allowed
/// endpoint for the supported change kinds. The signing secret is returned once, in the 201.
/// </summary>
internal sealed class SubscriptionEndpoints : IFhirEndpoints
{
    /// <summary>Extension carrying the HMAC secret: optional on create (at least 32 characters), returned only in the 201.</summary>
    public const string SecretExtension = "https://ncrs-gateway.nhs.uk/StructureDefinition/subscriber-signing-secret";

    public const int MinSecretLength = 32;

    public void Map(RouteGroupBuilder fhir)
    {
        var group = fhir.MapGroup("/Subscription").WithTags("Subscription").RequireAuthorization(GatewayPolicies.Launcher);
        group.MapPost("/", CreateAsync).WithName("CreateSubscription").DisableAntiforgery();
        group.MapGet("/{id}", ReadAsync).WithName("ReadSubscription");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteSubscription");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SubscriberStore store, IOptions<EventsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var subscription = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (subscription.Channel?.Type != Subscription.SubscriptionChannelType.RestHook)
        {
            throw new GatewayException(EventErrors.InvalidSubscription, "channel.type must be rest-hook.");
        }

        var criteria = SubscriberCriteria.Parse(subscription.Criteria)
            ?? throw new GatewayException(EventErrors.InvalidSubscription, $"criteria must name one or more of {string.Join(", ", SubscriberCriteria.All)}, comma separated.");
        if (!Uri.TryCreate(subscription.Channel.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            throw new GatewayException(EventErrors.InvalidSubscription, "channel.endpoint must be an absolute http(s) URL.");
        }

        if (!IsAllowed(endpoint, options.Value.Subscribers.AllowedEndpoints))
        {
            throw new GatewayException(EventErrors.SubscriberEndpointNotAllowed);
        }

        var secret = subscription.GetStringExtension(SecretExtension);
        if (secret is not null && secret.Length < MinSecretLength)
        {
            throw new GatewayException(EventErrors.InvalidSubscription, $"A signing secret given in the extension must be at least {MinSecretLength} characters.");
        }

        secret ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var stored = new LocalSubscription(Guid.NewGuid(), criteria, endpoint, secret, LocalSubscription.Active, null, time.GetUtcNow());
        await store.CreateAsync(stored, cancellationToken).ConfigureAwait(false);
        var resource = ToResource(stored);
        resource.SetStringExtension(SecretExtension, secret);
        return new FhirResult(JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson.Options), StatusCodes.Status201Created)
        {
            ContentLocation = "Subscription/" + resource.Id,
        };
    }

    private static async Task<IResult> ReadAsync(string id, SubscriberStore store, CancellationToken cancellationToken)
    {
        var found = Guid.TryParse(id, CultureInfo.InvariantCulture, out var key) ? await store.FindAsync(key, cancellationToken).ConfigureAwait(false) : null;
        return found is null ? throw new GatewayException(EventErrors.SubscriptionNotFound) : FhirResult.From(ToResource(found));
    }

    private static async Task<IResult> DeleteAsync(string id, SubscriberStore store, CancellationToken cancellationToken)
    {
        var deleted = Guid.TryParse(id, CultureInfo.InvariantCulture, out var key) && await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        return deleted ? Results.NoContent() : throw new GatewayException(EventErrors.SubscriptionNotFound);
    }

    private static async Task<Subscription> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Subscription>(request.Body, FhirJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new GatewayException(EventErrors.InvalidSubscription, "The body is empty.");
        }
        catch (Exception e) when (e is JsonException or Hl7.Fhir.Serialization.DeserializationFailedException or InvalidOperationException)
        {
            throw new GatewayException(EventErrors.InvalidSubscription, "The body is not a FHIR R4 Subscription in JSON.");
        }
        catch (BadHttpRequestException e)
        {
            throw RequestBodyErrors.ToGatewayException(e);
        }
    }

    /// <summary>Same scheme, host and port as an allowed entry, and a path under the entry's path.</summary>
    internal static bool IsAllowed(Uri endpoint, IEnumerable<string> allowed) =>
        string.IsNullOrEmpty(endpoint.UserInfo)
        && allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var entry)
            && string.Equals(entry.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(entry.IdnHost, endpoint.IdnHost, StringComparison.OrdinalIgnoreCase)
            && entry.Port == endpoint.Port
            && endpoint.AbsolutePath.StartsWith(entry.AbsolutePath, StringComparison.Ordinal));

    private static Subscription ToResource(LocalSubscription s) => new()
    {
        Id = s.Id.ToString("D", CultureInfo.InvariantCulture),
        Status = s.Status == LocalSubscription.Active ? Subscription.SubscriptionStatus.Active : Subscription.SubscriptionStatus.Error,
        Reason = "Signals to a local system when a patient's national record changes (" + string.Join(", ", s.Criteria) + ").",
        Criteria = string.Join(',', s.Criteria),
        Error = s.Error,
        Channel = new Subscription.ChannelComponent
        {
            Type = Subscription.SubscriptionChannelType.RestHook,
            Endpoint = s.Endpoint.AbsoluteUri,
            Payload = SubscriberSignal.MediaType,
        },
    };
}
