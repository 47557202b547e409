using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir.Endpoints;
using NcrsGateway.Sandbox.Host.Mns;
using NcrsGateway.Sandbox.Tokens;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// Development-only routes, mapped only when the sandbox is on: <c>POST /sandbox/token</c> signs in a demo user,
/// <c>GET /sandbox/ncrs</c> stands in for the NCRS application the launch link opens, <c>POST /sandbox/mns/emit</c> plays
/// MNS (a change in the simulated PDS, then its event delivered to this gateway's ingestion endpoint), <c>/sandbox/</c>
/// walks a clinician through the flow.
/// </summary>
internal static class SandboxEndpoints
{
    public const string TokenPath = "/sandbox/token";
    public const string NcrsPath = "/sandbox/ncrs";
    public const long TokenRequestMaxBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sandbox").WithTags("Sandbox").WithMetadata(Fhir.NoStore.Instance).AllowAnonymous();
        group.MapPost("/token", IssueAsync).WithName("SandboxToken")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TokenRequestMaxBytes)) // a user name and a workstation: anything longer is not read
            .WithFormOptions(valueCountLimit: 8, keyLengthLimit: 32, valueLengthLimit: 256);

        group.MapGet("/ncrs", NcrsPage).WithName("SandboxNcrs");
        group.MapPost("/mns/emit", EmitAsync).WithName("SandboxMnsEmit")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TokenRequestMaxBytes)) // four short fields
            .WithFormOptions(valueCountLimit: 8, keyLengthLimit: 32, valueLengthLimit: 256)
            .DisableAntiforgery();
        routes.MapStaticPages("/sandbox", typeof(SandboxEndpoints).Assembly, "sandbox/", "index.html", "sandbox.js", "sandbox.css", "favicon.svg"); // the clinician flow page
        return routes;
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, SandboxTokenIssuer issuer, CancellationToken cancellationToken)
    {
        string? userName;
        string? workstation;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                throw new GatewayException(GatewayErrors.InvalidRequest, "Send only the form fields user and workstation.");
            }

            userName = form["user"];
            workstation = form["workstation"];
        }
        else
        {
            TokenRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<TokenRequest>(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                body = null;
            }

            userName = body?.User;
            workstation = body?.Workstation;
        }

        var user = SandboxUsers.Find(userName) ?? throw new GatewayException(
            GatewayErrors.InvalidRequest,
            $"user must be one of: {string.Join(", ", SandboxUsers.All.Select(u => u.Name))}.");
        if (workstation is { Length: > 64 })
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "workstation must be at most 64 characters.");
        }

        var token = issuer.Issue(user, string.IsNullOrWhiteSpace(workstation) ? null : workstation);
        return Results.Json(new TokenResponse(token, "Bearer", (int)SandboxTokenIssuer.Lifetime.TotalSeconds));
    }

    private static async Task<IResult> EmitAsync(HttpRequest request, SandboxMnsEmitter emitter, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "Send the form fields type and nhsNumber (and optionally id and versionid) as application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "Send only the form fields type, nhsNumber, id and versionid.");
        }

        var (result, status, body, contentType) = await emitter.EmitAsync(
            form["type"], form["nhsNumber"], Optional(form["id"]), Optional(form["versionid"]), cancellationToken).ConfigureAwait(false);
        return (int)status is >= 200 and < 300
            ? Results.Json(result)
            : Results.Content(body, contentType, statusCode: (int)status); // the gateway's own OperationOutcome, as MNS would see it

        static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }

    private static IResult NcrsPage(string? nhsNumber)
    {
        if (!NhsNumber.TryParse(nhsNumber, out var parsed))
        {
            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        var digits = WebUtility.HtmlEncode(parsed.Value);
        return Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox NCRS</title><link rel=\"icon\" href=\"/sandbox/favicon.svg\"></head>"
            + $"<body><h1>Sandbox NCRS (simulated)</h1><p>Opened for patient with NHS number <strong id=\"nhs-number\">{digits}</strong>.</p>"
            + "<p>This page stands in for the national Care Records Service. It shows no clinical data.</p></body></html>",
            "text/html; charset=utf-8");
    }

    internal sealed record TokenRequest(
        [property: JsonPropertyName("user")] string? User,
        [property: JsonPropertyName("workstation")] string? Workstation);

    internal sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
