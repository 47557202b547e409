using System.Data;
using System.Data.Common;
using System.Globalization;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Storage;

namespace NcrsGateway.Events.Subscribers;

/// <summary>
/// Local Subscriptions and their queued signals, in the events' relational store (tables <c>event_local_subscriptions</c>
/// and <c>event_deliveries</c>; never Redis). A signal row is written once per delivery id (a replayed burst writes
/// nothing more), claimed under a lease by one instance at a time, and settled as delivered, retried or dead-letter.
/// </summary>
internal sealed partial class SubscriberStore
{
    public const string Subscriptions = "event_local_subscriptions";
    public const string Deliveries = "event_deliveries";

    private readonly RelationalStore _store;
    private readonly InboxDialect _dialect;
    private readonly SchemaOnce _schema;

    public SubscriberStore(RelationalStore store)
    {
        _store = store;
        _dialect = InboxDialect.For(store.Provider);
        _schema = new SchemaOnce(store, SchemaStatements);
    }

    public async Task CreateAsync(LocalSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {Subscriptions} (id, criteria, endpoint, secret, status, error, created)
            VALUES (@id, @criteria, @endpoint, @secret, @status, NULL, @created)
            """;
        command.Add("@id", Text(subscription.Id), DbType.String);
        command.Add("@criteria", string.Join(',', subscription.Criteria), DbType.String);
        command.Add("@endpoint", subscription.Endpoint.AbsoluteUri, DbType.String);
        command.Add("@secret", subscription.Secret, DbType.String);
        command.Add("@status", subscription.Status, DbType.String);
        command.Add("@created", _dialect.ToDb(subscription.Created), _dialect.TimeType);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<LocalSubscription?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await SelectAsync("WHERE id = @id", c => c.Add("@id", Text(id), DbType.String), cancellationToken).ConfigureAwait(false);
        return found.SingleOrDefault();
    }

    public Task<IReadOnlyList<LocalSubscription>> ActiveAsync(CancellationToken cancellationToken) =>
        SelectAsync($"WHERE status = '{LocalSubscription.Active}'", _ => { }, cancellationToken);

    /// <summary>Deletes the Subscription and its undelivered signals; false when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var deliveries = connection.CreateCommand())
        {
            deliveries.Transaction = transaction;
            deliveries.CommandText = $"DELETE FROM {Deliveries} WHERE subscription_id = @id AND status = '{DeliveryRow.Pending}'";
            deliveries.Add("@id", Text(id), DbType.String);
            await deliveries.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int deleted;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {Subscriptions} WHERE id = @id";
            command.Add("@id", Text(id), DbType.String);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted == 1;
    }

    /// <summary>Queues a signal unless one with this delivery id exists; true when it was queued now.</summary>
    public async Task<bool> EnqueueAsync(Guid deliveryId, Guid subscriptionId, byte[] subjectCipher, IReadOnlyList<string> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {Deliveries} (id, subscription_id, subject_cipher, events, created, status, attempts, next_attempt)
            VALUES (@id, @subscription, @cipher, @events, @now, '{DeliveryRow.Pending}', 0, @now)
            ON CONFLICT (id) DO NOTHING
            """;
        command.Add("@id", Text(deliveryId), DbType.String);
        command.Add("@subscription", Text(subscriptionId), DbType.String);
        command.Add("@cipher", subjectCipher, DbType.Binary);
        command.Add("@events", string.Join(',', events), DbType.String);
        command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<IReadOnlyList<LocalSubscription>> SelectAsync(string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, criteria, endpoint, secret, status, error, created FROM {Subscriptions} {where}";
        bind(command);
        var found = new List<LocalSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new LocalSubscription(
                Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1).Split(','),
                new Uri(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.TextOrNull(5),
                _dialect.ReadTime(reader, 6)));
        }

        return found;
    }

    private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    private IEnumerable<string> SchemaStatements()
    {
        var (bytes, time) = _store.Provider == StoreProvider.Postgres ? ("bytea", "timestamptz") : ("BLOB", "INTEGER");
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS {Subscriptions} (
                id text NOT NULL PRIMARY KEY,
                criteria text NOT NULL,
                endpoint text NOT NULL,
                secret text NOT NULL,
                status text NOT NULL,
                error text NULL,
                created {time} NOT NULL
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {Deliveries} (
                id text NOT NULL PRIMARY KEY,
                subscription_id text NOT NULL,
                subject_cipher {bytes} NOT NULL,
                events text NOT NULL,
                created {time} NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                next_attempt {time} NOT NULL,
                lease_owner text NULL,
                lease_until {time} NULL,
                last_error text NULL,
                delivered {time} NULL
            )
            """,
            $"CREATE INDEX IF NOT EXISTS ix_{Deliveries}_due ON {Deliveries} (status, next_attempt)",
        ];
    }
}
