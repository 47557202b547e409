using System.Data;
using System.Data.Common;
using System.Globalization;

namespace NcrsGateway.Events.Inbox;

/// <summary>
/// The worker's side: claim due rows under a lease (counting the attempt at once, so a crash mid-processing is an
/// attempt too), settle them, and remember per patient what was done. Every settle is fenced by the lease owner: an
/// instance whose lease ran out and was taken over changes nothing.
/// </summary>
internal sealed partial class EventInbox
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due pending rows, then every other due row of the same patients (so a burst
    /// for one patient is handled by one instance, once). PostgreSQL skips rows other instances are claiming.
    /// </summary>
    public async Task<IReadOnlyList<InboxRow>> ClaimAsync(string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var due = $"status = '{InboxStatus.Pending}' AND next_attempt <= @now AND (lease_until IS NULL OR lease_until < @now)";
        var claimed = await ClaimWhereAsync(connection, owner, now, lease, due, string.Create(CultureInfo.InvariantCulture, $"ORDER BY next_attempt, id LIMIT {max}"), null, cancellationToken).ConfigureAwait(false);
        var subjects = claimed.Where(r => r.SubjectHash is not null).Select(r => r.SubjectHash!).DistinctBy(Convert.ToHexString).ToList();
        if (subjects.Count == 0)
        {
            return claimed;
        }

        var siblings = await ClaimWhereAsync(connection, owner, now, lease, due, "LIMIT 1000", subjects, cancellationToken).ConfigureAwait(false);
        return [.. claimed, .. siblings];
    }

    /// <summary>Marks a claimed row settled (processed, or ignored) with an optional note.</summary>
    public async Task CompleteAsync(IReadOnlyList<InboxRow> rows, string owner, DateTimeOffset now, string? note, byte[]? subjectHash, PatientState? state, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE {InboxTables.Inbox} SET status = '{InboxStatus.Processed}', processed = @now, last_error = @note, lease_owner = NULL, lease_until = NULL
                WHERE id = @id AND lease_owner = @owner
                """;
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
                command.Add("@note", note, DbType.String);
                command.Add("@id", _dialect.ToDb(row.Id), _dialect.IdType);
                command.Add("@owner", owner, DbType.String);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (subjectHash is not null && state is not null)
        {
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = $"""
                INSERT INTO {InboxTables.Patients} (subject_hash, refreshed, version_id) VALUES (@hash, @refreshed, @version)
                ON CONFLICT (subject_hash) DO UPDATE SET
                    refreshed = CASE WHEN excluded.refreshed > {InboxTables.Patients}.refreshed THEN excluded.refreshed ELSE {InboxTables.Patients}.refreshed END,
                    version_id = CASE WHEN {InboxTables.Patients}.version_id IS NULL OR excluded.version_id > {InboxTables.Patients}.version_id THEN excluded.version_id ELSE {InboxTables.Patients}.version_id END
                """;
            upsert.Add("@hash", subjectHash, DbType.Binary);
            upsert.Add("@refreshed", _dialect.ToDb(state.Refreshed), _dialect.TimeType);
            upsert.Add("@version", state.VersionId, DbType.Int64);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A claimed row failed: back to pending at <paramref name="nextAttempt"/>, or to dead-letter once it has had
    /// <paramref name="maxAttempts"/> attempts, with the reason either way.
    /// </summary>
    public async Task FailAsync(InboxRow row, string owner, DateTimeOffset now, DateTimeOffset nextAttempt, int maxAttempts, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {InboxTables.Inbox} SET
                status = CASE WHEN attempts >= @max THEN '{InboxStatus.DeadLetter}' ELSE '{InboxStatus.Pending}' END,
                processed = CASE WHEN attempts >= @max THEN @now ELSE NULL END,
                next_attempt = @next, last_error = @reason, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND lease_owner = @owner
            """;
        command.Add("@max", maxAttempts, DbType.Int32);
        command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
        command.Add("@next", _dialect.ToDb(nextAttempt), _dialect.TimeType);
        command.Add("@reason", reason, DbType.String);
        command.Add("@id", _dialect.ToDb(row.Id), _dialect.IdType);
        command.Add("@owner", owner, DbType.String);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The patient's state, or null when the gateway has not acted on their events yet.</summary>
    public async Task<PatientState?> PatientAsync(byte[] subjectHash, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT refreshed, version_id FROM {InboxTables.Patients} WHERE subject_hash = @hash";
        command.Add("@hash", subjectHash, DbType.Binary);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new PatientState(_dialect.ReadTime(reader, 0), reader.LongOrNull(1)) : null;
    }

    private async Task<List<InboxRow>> ClaimWhereAsync(
        DbConnection connection, string owner, DateTimeOffset now, TimeSpan lease, string due, string tail, IReadOnlyList<byte[]>? subjects, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var filter = due;
        if (subjects is not null)
        {
            var names = new List<string>();
            for (var i = 0; i < subjects.Count; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@s{i}");
                names.Add(name);
                command.Add(name, subjects[i], DbType.Binary);
            }

            filter += $" AND subject_hash IN ({string.Join(", ", names)})";
        }

        command.CommandText = $"""
            UPDATE {InboxTables.Inbox} SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE id IN (SELECT id FROM {InboxTables.Inbox} WHERE {filter} {tail}{_dialect.ClaimLock})
            RETURNING {InboxTables.Columns}
            """;
        command.Add("@owner", owner, DbType.String);
        command.Add("@until", _dialect.ToDb(now + lease), _dialect.TimeType);
        command.Add("@now", _dialect.ToDb(now), _dialect.TimeType);
        var rows = new List<InboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }
}
