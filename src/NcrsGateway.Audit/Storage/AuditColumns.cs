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
}
