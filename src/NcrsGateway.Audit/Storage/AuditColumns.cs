namespace NcrsGateway.Audit.Storage;

/// <summary>The audit table and its columns, shared by both dialects.</summary>
internal static class AuditColumns
{
    public const string Table = "audit_event";

    public const string All =
        "id, recorded, action, outcome, failure_category, failure_code, user_id, user_role, organisation_ods, " +
        "workstation_id, client_app, origin_feature, encounter_id, patient_cipher, patient_hash, correlation_id, detail";

    public const string Parameters =
        "@id, @recorded, @action, @outcome, @failure_category, @failure_code, @user_id, @user_role, @organisation_ods, " +
        "@workstation_id, @client_app, @origin_feature, @encounter_id, @patient_cipher, @patient_hash, @correlation_id, @detail";

    public const string Insert = $"INSERT INTO {Table} ({All}) VALUES ({Parameters}) ON CONFLICT (id) DO NOTHING";

    /// <summary>
    /// One row per patient an audit row names after its first (keyed hash only), so a search by any of them finds it. The
    /// first is the row's own indexed <c>patient_hash</c>: most rows name one patient and cost no second insert. (Rows
    /// written before this rule list their first patient here too; the search's union reads both.)
    /// </summary>
    public const string PatientTable = "audit_event_patient";

    public const string InsertPatient = $"INSERT INTO {PatientTable} (patient_hash, event_id) VALUES (@patient_hash, @event_id) ON CONFLICT DO NOTHING";

    /// <summary>
    /// Ids of the rows naming the patient <c>@q_patient</c>: a row's first patient is its own <c>patient_hash</c>, the
    /// others are in <see cref="PatientTable"/>.
    /// </summary>
    public const string RowsOfPatient =
        $"id IN (SELECT id FROM {Table} WHERE patient_hash = @q_patient UNION SELECT event_id FROM {PatientTable} WHERE patient_hash = @q_patient)";
}
