using System.Data.Common;
using System.Globalization;
using System.Text;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit.Storage;

/// <summary>
/// The SQL both dialects share (ADO.NET, named parameters, <c>ON CONFLICT DO NOTHING</c>, row-value keyset
/// paging), over the gateway's shared <see cref="RelationalStore"/> (connections, pragmas, private files, schema
/// transaction). Dialects supply the DDL and how ids and times are represented. The relational store belongs to
/// whoever opened it (<see cref="RelationalStores"/> in the container).
/// </summary>
internal abstract class RelationalAuditStore : IAuditStore
{
    private readonly RelationalStore _store;

    protected RelationalAuditStore(RelationalStore store, StoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider != provider)
        {
            throw new ArgumentException($"A {GetType().Name} needs a {provider} store, not {store.Provider}.", nameof(store));
        }

        _store = store;
    }

    /// <summary>The audit store speaking <paramref name="store"/>'s dialect.</summary>
    public static RelationalAuditStore For(RelationalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Provider == StoreProvider.Postgres ? new PostgresAuditStore(store) : new SqliteAuditStore(store);
    }

    protected abstract IReadOnlyList<string> SchemaStatements { get; }

    protected abstract object ToDb(DateTimeOffset recorded);

    protected abstract object ToDb(Guid id);

    protected abstract DateTimeOffset ReadRecorded(DbDataReader reader, int ordinal);

    protected abstract Guid ReadId(DbDataReader reader, int ordinal);

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _store.EnsureSchemaAsync(SchemaStatements, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => _store.PingAsync(cancellationToken);

    public async Task<int> InsertAsync(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AuditColumns.Insert;
        var values = RowParameters(command);
        await using var patients = connection.CreateCommand();
        patients.Transaction = transaction;
        patients.CommandText = AuditColumns.InsertPatient;
        var patientHash = Parameter(patients, "@patient_hash", System.Data.DbType.Binary);
        var eventId = Parameter(patients, "@event_id", null);
        var inserted = 0;
        foreach (var row in rows) // one statement each, its parameters created once and rebound per row
        {
            SetValues(values, row);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var hash in row.AllPatientHashes.Skip(1)) // the first is the row's own indexed patient_hash
            {
                patientHash.Value = hash;
                eventId.Value = ToDb(row.Id);
                await patients.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>The rows matching <paramref name="query"/>'s filters, whatever the page (the searchset's total).</summary>
    public async Task<int> CountAsync(AuditRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
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
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>The insert's parameters, in <see cref="SetValues"/>'s order.</summary>
    private static DbParameter[] RowParameters(DbCommand command) =>
    [
        Parameter(command, "@id", null),
        Parameter(command, "@recorded", null),
        Parameter(command, "@action", System.Data.DbType.String),
        Parameter(command, "@outcome", System.Data.DbType.String),
        Parameter(command, "@failure_category", System.Data.DbType.String),
        Parameter(command, "@failure_code", System.Data.DbType.String),
        Parameter(command, "@user_id", System.Data.DbType.String),
        Parameter(command, "@user_role", System.Data.DbType.String),
        Parameter(command, "@organisation_ods", System.Data.DbType.String),
        Parameter(command, "@workstation_id", System.Data.DbType.String),
        Parameter(command, "@client_app", System.Data.DbType.String),
        Parameter(command, "@origin_feature", System.Data.DbType.String),
        Parameter(command, "@encounter_id", System.Data.DbType.String),
        Parameter(command, "@patient_cipher", System.Data.DbType.Binary),
        Parameter(command, "@patient_hash", System.Data.DbType.Binary),
        Parameter(command, "@correlation_id", System.Data.DbType.String),
        Parameter(command, "@detail", System.Data.DbType.String),
    ];

    private void SetValues(DbParameter[] p, AuditRow row)
    {
        p[0].Value = ToDb(row.Id);
        p[1].Value = ToDb(row.Recorded);
        p[2].Value = row.Action;
        p[3].Value = row.Outcome;
        p[4].Value = (object?)row.FailureCategory ?? DBNull.Value;
        p[5].Value = (object?)row.FailureCode ?? DBNull.Value;
        p[6].Value = (object?)row.UserId ?? DBNull.Value;
        p[7].Value = (object?)row.UserRole ?? DBNull.Value;
        p[8].Value = (object?)row.OrganisationOds ?? DBNull.Value;
        p[9].Value = (object?)row.WorkstationId ?? DBNull.Value;
        p[10].Value = (object?)row.ClientApp ?? DBNull.Value;
        p[11].Value = (object?)row.OriginFeature ?? DBNull.Value;
        p[12].Value = (object?)row.EncounterId ?? DBNull.Value;
        p[13].Value = (object?)row.PatientCipher ?? DBNull.Value;
        p[14].Value = (object?)row.PatientHash ?? DBNull.Value;
        p[15].Value = row.CorrelationId;
        p[16].Value = (object?)row.Detail ?? DBNull.Value;
    }

    private static DbParameter Parameter(DbCommand command, string name, System.Data.DbType? type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } t)
        {
            parameter.DbType = t;
        }

        command.Parameters.Add(parameter);
        return parameter;
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
