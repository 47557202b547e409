namespace NcrsGateway.Core.Model;

/// <summary>
/// A recorded death. <paramref name="NotificationStatus"/> is the UK Core death-notification-status code:
/// 1 informal, 2 formal (registrar), U removed.
/// </summary>
public sealed record Deceased(string DateTime, string? NotificationStatus)
{
    public bool IsFormal => NotificationStatus == "2";
}
