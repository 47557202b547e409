namespace NcrsGateway.Events.Inbox;

/// <summary>Table and column names of the inbox, in one place.</summary>
internal static class InboxTables
{
    public const string Inbox = "event_inbox";
    public const string Rejected = "event_rejected";
    public const string Patients = "event_patients";

    public const string Columns =
        "id, source, external_id, type, subject_hash, subject_cipher, event_time, version_id, received, status, attempts, next_attempt, last_error, processed";
}
