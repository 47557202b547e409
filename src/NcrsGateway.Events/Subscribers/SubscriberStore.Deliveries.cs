using System.Data;
using System.Globalization;
using NcrsGateway.Events.Inbox;

namespace NcrsGateway.Events.Subscribers;

internal sealed partial class SubscriberStore
{
    /// <summary>
    /// Leases up to <paramref name="limit"/> due signals to <paramref name="owner"/> (PostgreSQL skips rows another instance
    /// holds; SQLite's single writer makes the update atomic) and returns them with their Subscription's endpoint and secret.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRow>> ClaimAsync(string owner, int limit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var until = now + lease;
        await using (var claim = connection.CreateCommand())
        {
            claim.CommandText = $"""
                UPDATE {Deliveries} SET lease_owner = @owner, lease_until = @until
                WHERE id IN (
                    SELECT id FROM {Deliveries}
                    WHERE status = '{DeliveryRow.Pending}' AND next_attempt <= @now AND (lease_until IS NULL OR lease_until < @now)
                    ORDER BY next_attempt
                    LIMIT {limit.ToString(CultureInfo.InvariantCulture)}{_dialect.ClaimLock})
                """;
            claim.Add("@owner", owner, DbType.String);
            claim.Add("@until", _dialect.ToDb(until), _dialect.TimeType);
            claim.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return [];
            }
        }

        await using var read = connection.CreateCommand();
        read.CommandText = $"""
            SELECT d.id, d.subscription_id, d.subject_cipher, d.events, d.created, d.attempts, s.endpoint, s.secret
            FROM {Deliveries} d JOIN {Subscriptions} s ON s.id = d.subscription_id
            WHERE d.lease_owner = @owner AND d.lease_until = @until AND d.status = '{DeliveryRow.Pending}'
            """;
        read.Add("@owner", owner, DbType.String);
        read.Add("@until", _dialect.ToDb(until), _dialect.TimeType);
        var rows = new List<DeliveryRow>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DeliveryRow(
                Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                Guid.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                (byte[])reader.GetValue(2),
                reader.GetString(3).Split(','),
                _dialect.ReadTime(reader, 4),
                reader.GetInt32(5),
                new Uri(reader.GetString(6)),
                reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>Marks the signal delivered; fenced by the lease owner.</summary>
    public async Task DeliveredAsync(DeliveryRow row, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Deliveries} SET status = '{DeliveryRow.Delivered}', delivered = @now, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL, last_error = NULL
            WHERE id = @id AND lease_owner = @owner
            """;
        command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
        command.Add("@id", Text(row.Id), DbType.String);
        command.Add("@owner", owner, DbType.String);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Schedules the next attempt at <paramref name="next"/>, or, when that is null, moves the signal to dead-letter and its Subscription to error.</summary>
    public async Task FailedAsync(DeliveryRow row, string owner, DateTimeOffset? next, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = next is null
                ? $"UPDATE {Deliveries} SET status = '{DeliveryRow.DeadLetter}', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL, last_error = @reason WHERE id = @id AND lease_owner = @owner"
                : $"UPDATE {Deliveries} SET attempts = attempts + 1, next_attempt = @next, lease_owner = NULL, lease_until = NULL, last_error = @reason WHERE id = @id AND lease_owner = @owner";
            command.Add("@reason", reason, DbType.String);
            command.Add("@id", Text(row.Id), DbType.String);
            command.Add("@owner", owner, DbType.String);
            if (next is { } at)
            {
                command.Add("@next", _dialect.ToDb(at), _dialect.TimeType);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (next is null)
        {
            await using var subscription = connection.CreateCommand();
            subscription.Transaction = transaction;
            subscription.CommandText = $"UPDATE {Subscriptions} SET status = '{LocalSubscription.Errored}', error = @reason WHERE id = @id";
            subscription.Add("@reason", reason, DbType.String);
            subscription.Add("@id", Text(row.SubscriptionId), DbType.String);
            await subscription.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signals by status for one Subscription (operators and tests).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT status, COUNT(*) FROM {Deliveries} WHERE subscription_id = @id GROUP BY status";
        command.Add("@id", Text(subscriptionId), DbType.String);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
