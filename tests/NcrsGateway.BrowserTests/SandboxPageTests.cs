using Microsoft.Playwright;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.BrowserTests;

/// <summary>
/// The sandbox's <c>/sandbox/</c> page in a real browser: a demo clinician signs in on a workstation, searches, sees the
/// <c>$verify</c> field table, confirms, selects, launches and opens the simulated NCRS page; every step shows its
/// correlation ID linked to the support waterfall, which a demo support user can then open.
/// </summary>
public sealed class SandboxPageTests
{
    [Fact]
    public async Task DemoClinician_WalksFromSearchToTheNcrsPage_AndEachStepLinksToItsWaterfall()
    {
        await using var host = await GatewayHost.StartAsync(); // the sandbox host
        await using var chromium = await HeadlessChromium.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var page = await chromium.OpenAsync(context, new Uri(host.BaseAddress, "sandbox/").ToString());

        await page.SelectOptionAsync("#user", "demo-clinician");
        await page.FillAsync("#workstation", "ward3-pc07");
        await page.ClickAsync("#signin");
        await page.Locator("#signin-result").GetByText("Signed in as demo-clinician").WaitForAsync();

        await page.FillAsync("#family", "Ashworth");
        await page.FillAsync("#birthdate", "1968-04-17");
        await page.ClickAsync("#search");
        await page.Locator("#matches tbody tr").First.WaitForAsync();
        Assert.Contains(SandboxPatients.Search, await page.Locator("#matches").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#local-family", "Ashworth-Smith"); // the local record differs: the table says so
        await page.ClickAsync("#verify");
        await page.Locator("#fields tbody tr").First.WaitForAsync();
        Assert.Contains("differs", await page.Locator("#fields").InnerTextAsync(), StringComparison.Ordinal);
        await HeadlessChromium.ScreenshotAsync(page, "sandbox-verify");

        await page.CheckAsync("#confirmed");
        await page.ClickAsync("#select");
        await page.Locator("#select-result").GetByText("Selected").WaitForAsync();
        await page.ClickAsync("#launch");
        await page.Locator("#open-ncrs:not([hidden])").WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "sandbox-launched");

        var links = page.Locator(".correlation-link");
        Assert.Equal(5, await links.CountAsync()); // sign-in, search, verify, select, launch
        foreach (var href in await links.EvaluateAllAsync<string[]>("ls => ls.map(l => l.getAttribute('href'))"))
        {
            Assert.StartsWith("/ops/?id=", href, StringComparison.Ordinal);
        }

        // Support will follow the launch step's link (read before the clinician's tab moves on to NCRS).
        var launchLink = await page.Locator("#launch-result .correlation-link").GetAttributeAsync("href");
        var ncrsHref = await page.Locator("#open-ncrs").GetAttributeAsync("href");
        Assert.StartsWith(new Uri(host.BaseAddress, "sandbox/ncrs?nhsNumber=").ToString(), ncrsHref, StringComparison.Ordinal);
        await page.Locator("#open-ncrs").DispatchEventAsync("click");
        await page.Locator("#nhs-number").WaitForAsync();
        Assert.Contains("Sandbox NCRS", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(SandboxPatients.Search, await page.Locator("#nhs-number").InnerTextAsync());

        // Signed in as demo-support, support sees that launch request's waterfall.
        var ops = await chromium.OpenAsync(context, new Uri(host.BaseAddress, launchLink!.TrimStart('/')).ToString());
        await ops.ClickAsync("#sandbox-signin");
        await ops.Locator("#signin-status").GetByText("Signed in").WaitForAsync();
        await ops.ClickAsync("#find");
        await ops.Locator(".verdict").WaitForAsync();
        Assert.Contains("$ncrs-launch", await ops.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);
        await HeadlessChromium.ScreenshotAsync(ops, "sandbox-launch-waterfall");
        Assert.Empty(chromium.Problems);
    }
}
