using System.Data;
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
}
