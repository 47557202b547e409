using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Events.Subscriptions;

/// <summary>
/// <c>Events:SubscribeTo</c> needs the MNS adapter (<c>Adapters:Mns:BaseUrl</c>) and an absolute
/// <c>Events:DeliveryEndpoint</c> (https, or http on loopback for a local test), and event types in MNS's form.
/// </summary>
internal sealed partial class SubscriptionRules(IEnumerable<AdapterDescriptor> adapters) : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        if (options.SubscribeTo.Length == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!adapters.Serve<IEventSubscriptions>())
        {
            errors.Add("Events:SubscribeTo needs the MNS adapter: set Adapters:Mns:BaseUrl, or remove Events:SubscribeTo.");
        }

        if (options.DeliveryEndpoint is not { IsAbsoluteUri: true } endpoint
            || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            errors.Add("Events:DeliveryEndpoint must be the absolute https URL MNS delivers to (this gateway's ingestion path as MNS reaches it).");
        }

        errors.AddRange(options.SubscribeTo.Where(t => !TypePattern().IsMatch(t ?? string.Empty)).Select(t => $"Events:SubscribeTo has '{t}', which is not an event type such as pds-death-notification-2."));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,127}$")]
    private static partial Regex TypePattern();
}
