using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no driver package): it opens pages, runs script
/// in them, sends input and records what the page reports (exceptions, console errors, dialogs, requests).
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>The Debian package that installs the browser.</summary>
    public const string Package = "chromium";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<(string? Session, string Method, JsonElement Params)> _events = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private int _lastId;

    private Chromium(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts the browser; fails the test, naming the package, when it is not installed.</summary>
    public static async Task<Chromium> StartAsync()
    {
        var executable = new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Chromium is not installed: install the Debian package '{Package}' (apt-get install {Package}; tests/test.sh does it).");

        var profile = Directory.CreateTempSubdirectory("kg-chromium-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No sandbox: the tests may run as root in a container, where Chromium's sandbox cannot start; the pages are ours.
        foreach (var argument in new[]
        {
            "--headless=new", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "--no-sandbox",
            "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new Chromium(process, profile);
        try
        {
            await browser.ConnectAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="file"/> in a new tab of the given size and waits until it says it is ready.</summary>
    public async Task<ChromiumPage> OpenAsync(string file, int width = 1400, int height = 900)
    {
        var target = await SendAsync(null, "Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await SendAsync(null, "Target.attachToTarget", new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true });
        var page = new ChromiumPage(this, attached.GetProperty("sessionId").GetString()!);
        foreach (var domain in new[] { "Runtime", "Page", "Log", "Network" })
        {
            await page.SendAsync($"{domain}.enable");
        }

        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(file)).AbsoluteUri });
        var deadline = DateTime.UtcNow + s_timeout;
        while (!EventsOf(page.Session).Any(e => e.Method == "Page.loadEventFired"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{file} did not load; the page reported: {string.Join("; ", page.Problems())}");
            }

            await Task.Delay(50);
        }

        await page.WaitForAsync("document.documentElement?.dataset.ready === 'true'");
        return page;
    }

    /// <summary>The events the browser sent for <paramref name="session"/> so far.</summary>
    public IEnumerable<(string Method, JsonElement Params)> EventsOf(string session) =>
        _events.Where(e => e.Session == session).Select(e => (e.Method, e.Params));

    /// <summary>Sends a command (to the browser, or to a page's session) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string? session, string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _lastId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
        }
        finally
        {
            _sending.Release();
        }

        return await reply.Task.WaitAsync(s_timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }

        _socket.Dispose();
        _sending.Dispose();
        _closing.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                _profile.Delete(recursive: true);
                break;
            }
            catch (IOException)
            {
                // Chromium's last child processes may still be writing their profile: try again shortly.
                await Task.Delay(200);
            }
        }
    }

    private async Task ConnectAsync()
    {
        // With port 0 Chromium picks a free port and writes it, and the browser's WebSocket path, to DevToolsActivePort.
        var portFile = Path.Combine(_profile.FullName, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + s_timeout;
        string[] lines = [];
        while (lines.Length < 2)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before it listened for DevTools.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Chromium did not write DevToolsActivePort.");
            }

            await Task.Delay(50);
            try
            {
                lines = File.Exists(portFile) ? File.ReadAllLines(portFile) : [];
            }
            catch (IOException)
            {
                lines = [];
            }
        }

        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), _closing.Token);
        _receiving = ReceiveAsync();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_closing.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var root = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            message.SetLength(0);
            if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    reply.SetException(new InvalidOperationException($"DevTools error: {error}"));
                }
                else
                {
                    reply.SetResult(root.GetProperty("result"));
                }
            }
            else if (root.TryGetProperty("method", out var method))
            {
                var session = root.TryGetProperty("sessionId", out var sessionId) ? sessionId.GetString() : null;
                _events.Enqueue((session, method.GetString()!, root.TryGetProperty("params", out var parameters) ? parameters : default));
            }
        }
    }
}

/// <summary>A tab of <see cref="Chromium"/>: its own DevTools session.</summary>
internal sealed class ChromiumPage(Chromium browser, string session)
{
    public string Session => session;

    public Task<JsonElement> SendAsync(string method, JsonObject? parameters = null) => browser.SendAsync(session, method, parameters);

    /// <summary>The value of a script expression (a promise is awaited), as JSON; a thrown exception fails.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page threw on '{expression}': {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    public async Task<T> EvaluateAsync<T>(string expression) => (await EvaluateAsync(expression)).Deserialize<T>()!;

    /// <summary>Waits until the script expression is true.</summary>
    public async Task WaitForAsync(string condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!(await EvaluateAsync($"Boolean({condition})")).GetBoolean())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page never made '{condition}' true; it reported: {string.Join("; ", Problems())}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Types <paramref name="text"/> into the focused element, as a keyboard would.</summary>
    public Task TypeAsync(string text) => SendAsync("Input.insertText", new JsonObject { ["text"] = text });

    /// <summary>Presses and releases a key such as Enter.</summary>
    public async Task PressAsync(string key, int keyCode)
    {
        await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyDown", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = keyCode });
        await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = keyCode });
    }

    /// <summary>Clicks the left mouse button at a point of the viewport.</summary>
    public async Task ClickAsync(double x, double y)
    {
        await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });
        await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mousePressed", ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
        await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseReleased", ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
    }

    /// <summary>A PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" })).GetProperty("data").GetString()!);

    /// <summary>What went wrong in the page: uncaught exceptions, console errors, log errors (a blocked request among them) and dialogs.</summary>
    public IReadOnlyList<string> Problems() =>
        [.. browser.EventsOf(session).Where(e => e.Method switch
            {
                "Runtime.exceptionThrown" or "Page.javascriptDialogOpening" => true,
                "Runtime.consoleAPICalled" => e.Params.GetProperty("type").GetString() is "error" or "assert",
                "Log.entryAdded" => e.Params.GetProperty("entry").GetProperty("level").GetString() == "error",
                _ => false,
            })
            .Select(e => $"{e.Method}: {e.Params}")];

    /// <summary>The address of every request the page made.</summary>
    public IReadOnlyList<string> Requests() =>
        [.. browser.EventsOf(session).Where(e => e.Method == "Network.requestWillBeSent").Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!)];
}
