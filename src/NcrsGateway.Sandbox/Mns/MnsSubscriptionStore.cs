using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Mns;

/// <summary>One simulated MNS's subscriptions, and how many creates it has accepted (each create makes one).</summary>
internal sealed class MnsSubscriptionStore
{
    private readonly ConcurrentDictionary<string, JsonObject> _subscriptions = new(StringComparer.Ordinal);
    private int _creates;

    public int Creates => Volatile.Read(ref _creates);

    public IReadOnlyList<JsonObject> All => [.. _subscriptions.Values.Select(s => (JsonObject)s.DeepClone())];

    public JsonObject Add(JsonObject subscription)
    {
        var id = Guid.NewGuid().ToString();
        subscription["id"] = id;
        subscription["status"] = "active";
        _subscriptions[id] = subscription;
        Interlocked.Increment(ref _creates);
        return (JsonObject)subscription.DeepClone();
    }
}
