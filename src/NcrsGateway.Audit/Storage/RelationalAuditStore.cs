using System.Data.Common;
using System.Globalization;
using System.Text;

namespace NcrsGateway.Audit.Storage;

/// <summary>
/// The SQL both stores share (ADO.NET, named parameters, <c>ON CONFLICT DO NOTHING</c>, row-value keyset
/// paging). Dialects supply the connection, the DDL and how ids and times are represented.
/// </summary>
internal abstract class RelationalAuditStore : IAuditStore
{
    protected abstract IReadOnlyList<string> SchemaStatements { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract object ToDb(DateTimeOffset recorded);

    protected abstract object ToDb(Guid id);

    protected abstract DateTimeOffset ReadRecorded(DbDataReader reader, int ordinal);

    protected abstract Guid ReadId(DbDataReader reader, int ordinal);

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sql in SchemaStatements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> InsertAsync(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AuditColumns.Insert;
        await using var patients = connection.CreateCommand();
        patients.Transaction = transaction;
        patients.CommandText = AuditColumns.InsertPatient;
        var inserted = 0;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            Bind(command, row);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var hash in row.AllPatientHashes)
            {
                patients.Parameters.Clear();
                Add(patients, "@patient_hash", hash, System.Data.DbType.Binary);
                Add(patients, "@event_id", ToDb(row.Id));
                await patients.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>The rows matching <paramref name="query"/>'s filters, whatever the page (the searchset's total).</summary>
    public async Task<int> CountAsync(AuditRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = Where(command, query, afterCursor: false);
        command.CommandText = $"SELECT COUNT(*) FROM {AuditColumns.Table}" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The WHERE conditions of <paramref name="query"/>, their parameters bound on <paramref name="command"/>.</summary>
    private List<string> Where(DbCommand command, AuditRowQuery query, bool afterCursor)
    {
        var where = new List<string>();
        if (query.PatientHash is { } hash)
        {
            where.Add(AuditColumns.RowsOfPatient);
            Add(command, "@q_patient", hash);
        }

        if (query.OrganisationOds is { } ods)
        {
            where.Add("organisation_ods = @q_ods");
            Add(command, "@q_ods", ods);
        }

        if (query.UserId is { } user)
        {
            where.Add("user_id = @q_user");
            Add(command, "@q_user", user);
        }

        if (query.From is { } from)
        {
            where.Add("recorded >= @q_from");
            Add(command, "@q_from", ToDb(AuditRowMapper.Truncate(from)));
        }

        if (query.To is { } to)
        {
            where.Add("recorded <= @q_to");
            Add(command, "@q_to", ToDb(AuditRowMapper.Truncate(to)));
        }

        if (query.Outcome is { } outcome)
        {
            where.Add("outcome = @q_outcome");
            Add(command, "@q_outcome", outcome);
        }

        if (query.FailureCategories is { } categories)
        {
            var names = new List<string>();
            for (var i = 0; i < categories.Count; i++)
            {
                names.Add(string.Create(CultureInfo.InvariantCulture, $"@q_category{i}"));
                Add(command, names[i], categories[i]);
            }

            where.Add(names.Count == 0 ? "1 = 0" : $"failure_category IN ({string.Join(", ", names)})");
        }

        if (query.Id is { } id)
        {
            where.Add("id = @q_id");
            Add(command, "@q_id", ToDb(id));
        }

        if (afterCursor && query.After is { } after)
        {
            where.Add("(recorded, id) < (@q_after_recorded, @q_after_id)");
            Add(command, "@q_after_recorded", ToDb(after.Recorded));
            Add(command, "@q_after_id", ToDb(after.Id));
        }

        return where;
    }

    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = Where(command, query, afterCursor: true);

        var sql = new StringBuilder($"SELECT {AuditColumns.All} FROM {AuditColumns.Table}");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY recorded DESC, id DESC LIMIT {query.Limit}");
        command.CommandText = sql.ToString();

        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Bind(DbCommand command, AuditRow row)
    {
        Add(command, "@id", ToDb(row.Id));
        Add(command, "@recorded", ToDb(row.Recorded));
        Add(command, "@action", row.Action);
        Add(command, "@outcome", row.Outcome);
        Add(command, "@failure_category", row.FailureCategory);
        Add(command, "@failure_code", row.FailureCode);
        Add(command, "@user_id", row.UserId);
        Add(command, "@user_role", row.UserRole);
        Add(command, "@organisation_ods", row.OrganisationOds);
        Add(command, "@workstation_id", row.WorkstationId);
        Add(command, "@client_app", row.ClientApp);
        Add(command, "@origin_feature", row.OriginFeature);
        Add(command, "@encounter_id", row.EncounterId);
        Add(command, "@patient_cipher", row.PatientCipher, System.Data.DbType.Binary);
        Add(command, "@patient_hash", row.PatientHash, System.Data.DbType.Binary);
        Add(command, "@correlation_id", row.CorrelationId);
        Add(command, "@detail", row.Detail);
    }

    private AuditRow Read(DbDataReader r) => new(
        ReadId(r, 0),
        ReadRecorded(r, 1),
        r.GetString(2),
        r.GetString(3),
        Text(r, 4),
        Text(r, 5),
        Text(r, 6),
        Text(r, 7),
        Text(r, 8),
        Text(r, 9),
        Text(r, 10),
        Text(r, 11),
        Text(r, 12),
        r.IsDBNull(13) ? null : (byte[])r.GetValue(13),
        r.IsDBNull(14) ? null : (byte[])r.GetValue(14),
        r.GetString(15),
        Text(r, 16));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Add(DbCommand command, string name, object? value, System.Data.DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (type is { } t)
        {
            parameter.DbType = t;
        }
        else if (value is null or string)
        {
            parameter.DbType = System.Data.DbType.String;
        }

        command.Parameters.Add(parameter);
    }
}
