using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// Debian's chromium, driven through Debian's chromedriver (.ci/apt-packages): headless, 1366x768,
/// downloads into a folder of the test's. Nothing is downloaded: Selenium Manager is kept offline.
/// Waits are on conditions, bounded only by <see cref="HangGuard"/>.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly ChromeDriver driver;

    public Browser(string baseUrl)
    {
        Assert.True(File.Exists(ChromiumPath) && File.Exists(DriverPath),
            "the console's browser tests need Debian's chromium and chromium-driver (.ci/apt-packages; apt-get install chromium chromium-driver)");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        Environment.SetEnvironmentVariable("LANGUAGE", "zh_CN"); // chromium's own words (the file picker) in Chinese, as an operator sees them
        BaseUrl = baseUrl;
        Downloads = Directory.CreateTempSubdirectory("console-downloads-").FullName;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN", "--hide-scrollbars");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.AddUserProfilePreference("intl.accept_languages", "zh-CN,zh");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        driver = new ChromeDriver(service, options, HangGuard.Limit);

        // Headless chromium keeps room for window decorations it does not draw (768 px window, 625 px page): set the page itself.
        driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = 1366, ["height"] = 768, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        });
    }

    public IWebDriver Driver => driver;

    public string BaseUrl { get; }

    /// <summary>Where clicked downloads land.</summary>
    public string Downloads { get; }

    public void Open(string path) => driver.Navigate().GoToUrl(BaseUrl + path);

    public IWebElement Find(string css) => Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(), css);

    public IReadOnlyCollection<IWebElement> All(string css) => driver.FindElements(By.CssSelector(css));

    /// <summary>Waits until the condition gives a value (not null, not false); a hang fails after HangGuard's limit.</summary>
    public T Until<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(driver, HangGuard.Limit) { Message = $"waiting for {what}" };
        return wait.Until(d => condition(d))!;
    }

    /// <summary>Waits for the page's notice and returns its text.</summary>
    public string Notice() => Find(".notice").Text;

    public void LogIn(string user, string password)
    {
        Open("/console/login");
        Find("#user").SendKeys(user);
        Find("#password").SendKeys(password);
        Find("#login").Click();
        Until(d => d.Url.EndsWith("/console", StringComparison.Ordinal) ? d.Url : null, "the overview after login");
    }

    /// <summary>A PNG of the whole window.</summary>
    public void Screenshot(string path) => driver.GetScreenshot().SaveAsFile(path);

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
        Directory.Delete(Downloads, recursive: true);
    }
}
