namespace NcrsGateway.Events.Inbox;

/// <summary>Which inbox rows an operator lists: by status and received time, newest first.</summary>
internal sealed record InboxQuery(string? Status, DateTimeOffset? Since, int Limit = 100);
