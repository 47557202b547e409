using Microsoft.Playwright;

namespace NcrsGateway.BrowserTests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by .ci/services.sh) driven by Playwright; <c>--no-sandbox</c>
/// because tests run as root. Collects every console error and Content-Security-Policy violation a page reports.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Console errors and CSP violations, as the page reported them.</summary>
    public List<string> Problems { get; } = [];

    public static async Task<HeadlessChromium> StartAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run .ci/services.sh (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    public async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (Problems)
                {
                    Problems.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (Problems)
            {
                Problems.Add(error);
            }
        };
        await page.GotoAsync(url);
        return page;
    }

    /// <summary>Saves a full-page screenshot as a test artefact: <c>artifacts/{name}.png</c> under the test output folder.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
