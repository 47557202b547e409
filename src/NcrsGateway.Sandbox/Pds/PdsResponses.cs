using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>OperationOutcomes shaped like the ones PDS returns (Spine error or warning codes).</summary>
internal static class PdsResponses
{
    private const string SpineCodeSystem = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";

    public static PdsResult MissingValue(string diagnostics) =>
        Error(400, "required", "MISSING_VALUE", "Required value is missing", diagnostics);

    public static PdsResult InvalidValue(string diagnostics) =>
        Error(400, "value", "INVALID_VALUE", "Provided value is invalid", diagnostics);

    public static PdsResult InvalidResourceId(string diagnostics) =>
        Error(400, "value", "INVALID_RESOURCE_ID", "Resource Id is invalid", diagnostics);

    public static PdsResult InvalidSearchData(string diagnostics) =>
        Error(400, "value", "INVALID_SEARCH_DATA", "Search data is invalid", diagnostics);

    public static PdsResult AccessDenied() =>
        Error(401, "forbidden", "ACCESS_DENIED", "Access Denied - Unauthorised", "Invalid Access Token");

    public static PdsResult ResourceNotFound() =>
        new(404, Outcome("information", "not-found", "RESOURCE_NOT_FOUND", "Resource not found", null));

    public static PdsResult InvalidatedResource() =>
        Error(
            404,
            "processing",
            "INVALIDATED_RESOURCE",
            "Resource that has been marked as invalid was requested - invalid resources cannot be retrieved",
            null);

    public static PdsResult UnsupportedInteraction(string method, string path) =>
        Error(405, "not-supported", "UNSUPPORTED_SERVICE", "Unsupported Service", $"{method} {path} is not simulated");

    /// <summary>PDS answers too many matches with HTTP 200 and this outcome, not a Bundle.</summary>
    public static PdsResult TooManyMatches() =>
        new(200, Outcome("information", "multiple-matches", "TOO_MANY_MATCHES", "Too Many Matches", null));

    private static PdsResult Error(int status, string issueCode, string spineCode, string display, string? diagnostics) =>
        new(status, Outcome("error", issueCode, spineCode, display, diagnostics));

    private static JsonObject Outcome(
        string severity, string issueCode, string spineCode, string display, string? diagnostics)
    {
        var issue = new JsonObject
        {
            ["severity"] = severity,
            ["code"] = issueCode,
            ["details"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject
                {
                    ["system"] = SpineCodeSystem,
                    ["version"] = "1",
                    ["code"] = spineCode,
                    ["display"] = display,
                }),
            },
        };
        if (diagnostics is not null)
        {
            issue["diagnostics"] = diagnostics;
        }

        return new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(issue),
        };
    }
}
