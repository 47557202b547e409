using System.Data;
using System.Data.Common;
using System.Globalization;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Ingestion;
using NcrsGateway.Storage;

namespace NcrsGateway.Events.Inbox;

/// <summary>
/// The durable inbox of national events, in the gateway's relational store (<c>events.db</c> beside <c>audit.db</c>, or
/// the shared PostgreSQL): one row per distinct <c>source</c> + <c>id</c>, the subject as a keyed hash and a row-bound
/// ciphertext (the audit trail's mechanism), never the payload; and a table of rejected deliveries with the reason.
/// A delivery's rows are committed in one transaction before the sender is answered.
/// </summary>
internal sealed partial class EventInbox
{
    public const string SqliteFileName = "events.db";

    /// <summary>Rows per INSERT statement: 14 parameters each stays far below every SQLite build's parameter limit.</summary>
    private const int InsertRowsPerStatement = 50;

    private readonly RelationalStore _store;
    private readonly InboxDialect _dialect;
    private readonly IPatientProtector _protector;
    private readonly SchemaOnce _schema;

    public EventInbox(RelationalStore store, IPatientProtector protector)
    {
        _store = store;
        _dialect = InboxDialect.For(store.Provider);
        _protector = protector;
        _schema = new SchemaOnce(store, () => _dialect.Schema);
    }

    public StoreProvider Provider => _store.Provider;

    /// <summary>Creates the tables once per process (idempotent DDL; safe with several instances).</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    /// <summary>
    /// Stores the delivery in one transaction: each accepted event unless its <c>source</c> + <c>id</c> is already
    /// there (a duplicate, acknowledged), each rejected one with its reason. Unknown types are stored as ignored;
    /// the rest wait <paramref name="coalesceWindow"/> before they are due, so a burst is processed together.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(ParsedDelivery delivery, DateTimeOffset received, TimeSpan coalesceWindow, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var stored = 0;
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;

            // in one order (source, id) whatever the delivery's: concurrent deliveries sharing duplicates then wait on each
            // other's rows instead of deadlocking on them; several rows per statement, one round trip each
            var ordered = delivery.Accepted.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal);
            foreach (var chunk in ordered.Chunk(InsertRowsPerStatement))
            {
                insert.Parameters.Clear();
                var values = new List<string>(chunk.Length);
                for (var i = 0; i < chunk.Length; i++)
                {
                    values.Add(BindEvent(insert, chunk[i], received, coalesceWindow, i));
                }

                insert.CommandText = $"""
                    INSERT INTO {InboxTables.Inbox} ({InboxTables.Columns})
                    VALUES {string.Join(", ", values)}
                    ON CONFLICT (source, external_id) DO NOTHING
                    """;
                stored += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var reject = connection.CreateCommand())
        {
            reject.Transaction = transaction;
            reject.CommandText = $"""
                INSERT INTO {InboxTables.Rejected} (id, received, source, external_id, type, position, format, reason)
                VALUES (@id, @received, @source, @external_id, @type, @position, @format, @reason)
                """;
            foreach (var r in delivery.Rejected)
            {
                reject.Parameters.Clear();
                reject.Add("@id", _dialect.ToDb(Guid.CreateVersion7(received)), _dialect.IdType);
                reject.Add("@received", _dialect.ToDb(received), _dialect.TimeType);
                reject.Add("@source", r.Source, DbType.String);
                reject.Add("@external_id", r.Id, DbType.String);
                reject.Add("@type", r.Type, DbType.String);
                reject.Add("@position", r.Position, DbType.Int32);
                reject.Add("@format", delivery.Format, DbType.String);
                reject.Add("@reason", r.Reason, DbType.String);
                await reject.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoreOutcome(stored, delivery.Accepted.Count - stored, delivery.Rejected.Count);
    }

    /// <summary>Binds one event's parameters with suffix <paramref name="n"/> and returns its VALUES tuple.</summary>
    private string BindEvent(DbCommand command, IncomingEvent e, DateTimeOffset received, TimeSpan coalesceWindow, int n)
    {
        var id = Guid.CreateVersion7(received);
        var ignored = e.Kind == EventKind.Unknown;
        var p = string.Create(CultureInfo.InvariantCulture, $"_{n}");
        command.Add("@id" + p, _dialect.ToDb(id), _dialect.IdType);
        command.Add("@source" + p, e.Source, DbType.String);
        command.Add("@external_id" + p, e.Id, DbType.String);
        command.Add("@type" + p, e.Type, DbType.String);
        command.Add("@subject_hash" + p, e.Subject is { } h ? _protector.Hash(h) : null, DbType.Binary);
        command.Add("@subject_cipher" + p, e.Subject is { } c ? _protector.Encrypt(c, id) : null, DbType.Binary);
        command.Add("@event_time" + p, e.Time is { } t ? _dialect.ToDb(t) : null, _dialect.TimeType);
        command.Add("@version_id" + p, e.VersionId, DbType.Int64);
        command.Add("@received" + p, _dialect.ToDb(received), _dialect.TimeType);
        command.Add("@status" + p, ignored ? InboxStatus.Ignored : InboxStatus.Pending, DbType.String);
        command.Add("@next_attempt" + p, _dialect.ToDb(ignored ? received : received + coalesceWindow), _dialect.TimeType);
        command.Add("@processed" + p, ignored ? _dialect.ToDb(received) : null, _dialect.TimeType);
        return $"(@id{p}, @source{p}, @external_id{p}, @type{p}, @subject_hash{p}, @subject_cipher{p}, @event_time{p}, @version_id{p}, @received{p}, @status{p}, 0, @next_attempt{p}, NULL, @processed{p})";
    }

    private InboxRow Read(DbDataReader r) => new(
        _dialect.ReadId(r, 0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.BytesOrNull(4),
        r.BytesOrNull(5),
        r.IsDBNull(6) ? null : _dialect.ReadTime(r, 6),
        r.LongOrNull(7),
        _dialect.ReadTime(r, 8),
        r.GetString(9),
        r.GetInt32(10),
        _dialect.ReadTime(r, 11),
        r.TextOrNull(12),
        r.IsDBNull(13) ? null : _dialect.ReadTime(r, 13));
}
