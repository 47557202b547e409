using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NcrsGateway.Core;

namespace NcrsGateway.Events.Subscribers;

/// <summary>
/// The thin signal a subscriber receives: the delivery id, the Subscription, the patient as an NHS-number identifier and
/// the change kinds — no clinical content. Signed with HMAC-SHA256 of the exact body under the Subscription's secret.
/// </summary>
internal static class SubscriberSignal
{
    public const string SignatureHeader = "X-Ncrs-Signature";
    public const string DeliveryIdHeader = "X-Ncrs-Delivery-Id";
    public const string MediaType = "application/json";

    public static byte[] Body(DeliveryRow row, NhsNumber patient)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deliveryId", row.Id.ToString("D", CultureInfo.InvariantCulture));
            json.WriteString("subscription", "Subscription/" + row.SubscriptionId.ToString("D", CultureInfo.InvariantCulture));
            json.WriteStartObject("patient");
            json.WriteStartObject("identifier");
            json.WriteString("system", IdentifierSystems.NhsNumber);
            json.WriteString("value", patient.Value);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("events");
            foreach (var e in row.Events)
            {
                json.WriteStringValue(e);
            }

            json.WriteEndArray();
            json.WriteString("queued", row.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/> (its UTF-8 bytes).</summary>
    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The same delivery id for the same Subscription and burst, however often the burst is processed.</summary>
    public static Guid DeliveryId(Guid subscriptionId, Guid burstId)
    {
        Span<byte> input = stackalloc byte[32];
        subscriptionId.TryWriteBytes(input[..16]);
        burstId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
