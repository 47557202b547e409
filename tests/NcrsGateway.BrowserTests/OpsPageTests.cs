using System.Net;
using Microsoft.Playwright;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.BrowserTests;

/// <summary>
/// <c>/ops/</c> in a real browser: support staff paste a correlation ID and see the request's waterfall with the time
/// attributed to the national service that took it, and the request among the recent slow ones; the page runs under its
/// strict Content-Security-Policy without a single violation.
/// </summary>
public sealed class OpsPageTests
{
    private const string Number = "9434765919";

    [Fact]
    public async Task SupportPastesACorrelationId_SeesTheWaterfallAttributingTheTimeToPds()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number).WithDelay(TimeSpan.FromMilliseconds(1500)));
        var settings = pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:10";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:20";
        settings["Operations:SlowRequestThreshold"] = "00:00:01";
        await using var host = await GatewayHost.StartAsync(settings);
        using var clinician = host.CreateClinicianClient();
        clinician.DefaultRequestHeaders.Add("X-Correlation-ID", "banner-hung-0001");
        using (var read = await clinician.GetAsync($"fhir/Patient/{Number}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        await using var chromium = await HeadlessChromium.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await chromium.OpenAsync(context, new Uri(host.BaseAddress, "ops/").ToString());

        await page.FillAsync("#token", TestTokens.Mint(TestTokens.Support));
        await page.ClickAsync("#use-token");
        await page.FillAsync("#correlation-id", "banner-hung-0001");
        await page.ClickAsync("#find");
        var verdict = page.Locator(".verdict");
        await verdict.WaitForAsync();
        await page.ClickAsync("#refresh-recent");
        await page.Locator("#recent tbody tr a").First.WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "ops-waterfall");

        Assert.Contains("PDS", await verdict.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".bar.upstream").CountAsync());
        Assert.Contains("/fhir/Patient/{nhsNumber}", await page.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Number, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("banner-hung-0001", await page.Locator("#recent").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(chromium.Problems);
    }

    [Fact]
    public async Task ClinicianToken_IsRefused_WithTheReasonShown()
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        await using var chromium = await HeadlessChromium.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await chromium.OpenAsync(context, new Uri(host.BaseAddress, "ops/").ToString());

        await page.FillAsync("#token", TestTokens.Mint(TestTokens.Clinician, "ws-1"));
        await page.ClickAsync("#use-token");
        await page.FillAsync("#correlation-id", "anything");
        await page.ClickAsync("#find");
        var error = page.Locator("#lookup-status .error");
        await error.WaitForAsync();

        Assert.StartsWith("403", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".waterfall").CountAsync());
    }
}
