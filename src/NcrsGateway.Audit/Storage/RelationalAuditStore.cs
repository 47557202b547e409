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

    /// <summary>The insert's parameters: each column's name, its type when the value alone does not tell it, and its value.</summary>
    private static readonly (string Name, System.Data.DbType? Type, Func<RelationalAuditStore, AuditRow, object?> Value)[] RowColumns =
    [
        ("@id", null, (s, r) => s.ToDb(r.Id)),
        ("@recorded", null, (s, r) => s.ToDb(r.Recorded)),
        ("@action", System.Data.DbType.String, (_, r) => r.Action),
        ("@outcome", System.Data.DbType.String, (_, r) => r.Outcome),
        ("@failure_category", System.Data.DbType.String, (_, r) => r.FailureCategory),
        ("@failure_code", System.Data.DbType.String, (_, r) => r.FailureCode),
        ("@user_id", System.Data.DbType.String, (_, r) => r.UserId),
        ("@user_role", System.Data.DbType.String, (_, r) => r.UserRole),
        ("@organisation_ods", System.Data.DbType.String, (_, r) => r.OrganisationOds),
        ("@workstation_id", System.Data.DbType.String, (_, r) => r.WorkstationId),
        ("@client_app", System.Data.DbType.String, (_, r) => r.ClientApp),
        ("@origin_feature", System.Data.DbType.String, (_, r) => r.OriginFeature),
        ("@encounter_id", System.Data.DbType.String, (_, r) => r.EncounterId),
        ("@patient_cipher", System.Data.DbType.Binary, (_, r) => r.PatientCipher),
        ("@patient_hash", System.Data.DbType.Binary, (_, r) => r.PatientHash),
        ("@correlation_id", System.Data.DbType.String, (_, r) => r.CorrelationId),
        ("@detail", System.Data.DbType.String, (_, r) => r.Detail),
    ];

    private static DbParameter[] RowParameters(DbCommand command) => [.. RowColumns.Select(c => Parameter(command, c.Name, c.Type))];

    private void SetValues(DbParameter[] parameters, AuditRow row)
    {
        for (var i = 0; i < RowColumns.Length; i++)
        {
            parameters[i].Value = RowColumns[i].Value(this, row) ?? DBNull.Value;
        }
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

    private static void Add(DbCommand command, string name, object? value, System.Data.DbType? type = null) =>
        Parameter(command, name, type ?? (value is null or string ? System.Data.DbType.String : null)).Value = value ?? DBNull.Value;
}
