using System.Data;
using System.Data.Common;
using System.Globalization;

namespace NcrsGateway.Events.Inbox;

/// <summary>What operators see and do: list events by status and time, list rejections, put events back to pending.</summary>
internal sealed partial class EventInbox
{
    public async Task<IReadOnlyList<InboxRow>> ListAsync(InboxQuery query, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Status is { } status)
        {
            where.Add("status = @status");
            command.Add("@status", status, DbType.String);
        }

        if (query.Since is { } since)
        {
            where.Add("received >= @since");
            command.Add("@since", _dialect.ToDb(since), _dialect.TimeType);
        }

        command.CommandText = $"SELECT {InboxTables.Columns} FROM {InboxTables.Inbox}"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $" ORDER BY received DESC, id DESC LIMIT {query.Limit}");
        var rows = new List<InboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public async Task<IReadOnlyList<RejectedRow>> ListRejectedAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, received, source, external_id, type, position, format, reason FROM {InboxTables.Rejected}"
            + (since is null ? string.Empty : " WHERE received >= @since")
            + string.Create(CultureInfo.InvariantCulture, $" ORDER BY received DESC, id DESC LIMIT {limit}");
        if (since is { } s)
        {
            command.Add("@since", _dialect.ToDb(s), _dialect.TimeType);
        }

        var rows = new List<RejectedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RejectedRow(
                _dialect.ReadId(reader, 0), _dialect.ReadTime(reader, 1), reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4),
                reader.GetInt32(5), reader.GetString(6), reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>
    /// Puts matching events (not ignored ones) back to pending, due now, with their attempts reset, and forgets what was
    /// done for their patients so the worker acts on them again. Returns how many events were put back.
    /// </summary>
    public async Task<int> ReprocessAsync(ReprocessRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var where = new List<string> { $"status <> '{InboxStatus.Ignored}'" };
        void Bind(DbCommand command)
        {
            if (request.Id is { } id)
            {
                command.Add("@id", _dialect.ToDb(id), _dialect.IdType);
            }

            if (request.Status is { } status)
            {
                command.Add("@status", status, DbType.String);
            }

            if (request.From is { } from)
            {
                command.Add("@from", _dialect.ToDb(from), _dialect.TimeType);
            }

            if (request.To is { } to)
            {
                command.Add("@to", _dialect.ToDb(to), _dialect.TimeType);
            }
        }

        if (request.Id is not null)
        {
            where.Add("id = @id");
        }

        if (request.Status is not null)
        {
            where.Add("status = @status");
        }

        if (request.From is not null)
        {
            where.Add("received >= @from");
        }

        if (request.To is not null)
        {
            where.Add("received <= @to");
        }

        var filter = string.Join(" AND ", where);
        await using (var forget = connection.CreateCommand())
        {
            forget.Transaction = transaction;
            forget.CommandText = $"DELETE FROM {InboxTables.Patients} WHERE subject_hash IN (SELECT subject_hash FROM {InboxTables.Inbox} WHERE {filter} AND subject_hash IS NOT NULL)";
            Bind(forget);
            await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int count;
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = $"""
                UPDATE {InboxTables.Inbox} SET status = '{InboxStatus.Pending}', attempts = 0, next_attempt = @now, lease_owner = NULL, lease_until = NULL, last_error = NULL, processed = NULL
                WHERE {filter}
                """;
            Bind(update);
            update.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
            count = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
}
