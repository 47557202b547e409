using System.Data;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Storage;

namespace NcrsGateway.Events.Subscriptions;

/// <summary>
/// The idempotency record of subscription creates, in the events' relational store (table <c>event_subscriptions</c>):
/// one row per business key (event type + delivery endpoint) with the request's hash, a lease for the instance sending
/// it, and the first result (MNS's id and status). Inserting the row is what entitles an instance to send the create;
/// a created row answers every later create with its first result, on every instance, across restarts.
/// </summary>
internal sealed class SubscriptionLedger
{
    public const string Table = "event_subscriptions";

    private readonly RelationalStore _store;
    private readonly InboxDialect _dialect;
    private readonly SchemaOnce _schema;

    public SubscriptionLedger(RelationalStore store)
    {
        _store = store;
        _dialect = InboxDialect.For(store.Provider);
        _schema = new SchemaOnce(store, SchemaStatements);
    }

    /// <summary>
    /// Takes the right to send the create: a new row leased to <paramref name="owner"/> (<see cref="LedgerClaim.First"/>), or
    /// the lease of an unfinished row with the same request whose lease ran out (<see cref="LedgerClaim.Resumed"/>). Returns the
    /// row as it now stands either way.
    /// </summary>
    public async Task<(LedgerClaim Claim, LedgerRow Row)> ClaimAsync(string businessKey, byte[] requestHash, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var claim = LedgerClaim.None;
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"""
                INSERT INTO {Table} (business_key, request_hash, state, lease_owner, lease_until, attempts, created)
                VALUES (@key, @hash, '{LedgerRow.Creating}', @owner, @until, 1, @now)
                ON CONFLICT (business_key) DO NOTHING
                """;
            Bind(insert, businessKey, requestHash, owner, now, lease);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                claim = LedgerClaim.First;
            }
        }

        if (claim == LedgerClaim.None)
        {
            await using var resume = connection.CreateCommand();
            resume.CommandText = $"""
                UPDATE {Table} SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
                WHERE business_key = @key AND request_hash = @hash AND state = '{LedgerRow.Creating}' AND (lease_until IS NULL OR lease_until < @now)
                """;
            Bind(resume, businessKey, requestHash, owner, now, lease);
            if (await resume.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                claim = LedgerClaim.Resumed;
            }
        }

        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT business_key, request_hash, state, upstream_id, upstream_status FROM {Table} WHERE business_key = @key";
        read.Add("@key", businessKey, DbType.String);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The subscription ledger row vanished after it was claimed.");
        }

        return (claim, new LedgerRow(reader.GetString(0), (byte[])reader.GetValue(1), reader.GetString(2), reader.TextOrNull(3), reader.TextOrNull(4)));
    }

    /// <summary>Records the first result; fenced by the lease owner (an instance whose lease was taken over records nothing).</summary>
    public async Task<bool> CompleteAsync(string businessKey, string owner, string upstreamId, string upstreamStatus, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table} SET state = '{LedgerRow.Created}', upstream_id = @id, upstream_status = @status, completed = @now, lease_owner = NULL, lease_until = NULL, last_error = NULL
            WHERE business_key = @key AND lease_owner = @owner AND state = '{LedgerRow.Creating}'
            """;
        command.Add("@id", upstreamId, DbType.String);
        command.Add("@status", upstreamStatus, DbType.String);
        command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
        command.Add("@key", businessKey, DbType.String);
        command.Add("@owner", owner, DbType.String);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Gives the lease back after a failed attempt, with the reason; the next attempt resumes (and looks upstream first).</summary>
    public async Task ReleaseAsync(string businessKey, string owner, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table} SET lease_owner = NULL, lease_until = NULL, last_error = @reason
            WHERE business_key = @key AND lease_owner = @owner AND state = '{LedgerRow.Creating}'
            """;
        command.Add("@reason", reason, DbType.String);
        command.Add("@key", businessKey, DbType.String);
        command.Add("@owner", owner, DbType.String);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Bind(System.Data.Common.DbCommand command, string businessKey, byte[] requestHash, string owner, DateTimeOffset now, TimeSpan lease)
    {
        command.Add("@key", businessKey, DbType.String);
        command.Add("@hash", requestHash, DbType.Binary);
        command.Add("@owner", owner, DbType.String);
        command.Add("@until", _dialect.ToDb(now + lease), _dialect.TimeType);
        command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
    }

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    private IEnumerable<string> SchemaStatements()
    {
        var (bytes, time) = _store.Provider == StoreProvider.Postgres ? ("bytea", "timestamptz") : ("BLOB", "INTEGER");
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                business_key text NOT NULL PRIMARY KEY,
                request_hash {bytes} NOT NULL,
                state text NOT NULL,
                lease_owner text NULL,
                lease_until {time} NULL,
                attempts integer NOT NULL DEFAULT 0,
                upstream_id text NULL,
                upstream_status text NULL,
                created {time} NOT NULL,
                completed {time} NULL,
                last_error text NULL
            )
            """,
        ];
    }
}
