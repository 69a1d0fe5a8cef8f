using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>
/// A private Virtuoso (Debian's <c>virtuoso-opensource</c>): its database in a temporary folder, its SQL and HTTP
/// servers on free ports of 127.0.0.1, the packaged configuration otherwise. Stopped by its process id.
/// </summary>
public sealed partial class VirtuosoServer : IAsyncDisposable
{
    /// <summary>The Debian package that holds the server.</summary>
    public const string Package = "virtuoso-opensource";

    private const string PackagedConfiguration = "/etc/virtuoso-opensource-7/virtuoso.ini";

    private readonly Process _process;

    private VirtuosoServer(Process process, string folder, int sqlPort, int httpPort)
    {
        _process = process;
        Folder = folder;
        SqlPort = sqlPort;
        var root = $"http://127.0.0.1:{httpPort}/";
        Endpoint = new Uri(root + "sparql");
        AuthEndpoint = new Uri(root + "sparql-auth");
        GraphStore = new Uri(root + "sparql-graph-crud-auth");
    }

    /// <summary>The folder of the database, which the server may read files from (its bulk loader).</summary>
    public string Folder { get; }

    /// <summary>The port of the SQL server, for <c>isql-vt</c>.</summary>
    public int SqlPort { get; }

    /// <summary>The anonymous SPARQL endpoint: queries only.</summary>
    public Uri Endpoint { get; }

    /// <summary>The SPARQL endpoint behind digest authentication: queries and updates.</summary>
    public Uri AuthEndpoint { get; }

    /// <summary>The Graph Store HTTP Protocol endpoint behind digest authentication.</summary>
    public Uri GraphStore { get; }

    /// <summary>The administrator of a new database.</summary>
    public static NetworkCredential Administrator => new("dba", "dba");

    /// <summary>Starts a server and waits until its SPARQL endpoint answers.</summary>
    /// <exception cref="InvalidOperationException">The package is not installed, or the server does not come up.</exception>
    public static async Task<VirtuosoServer> StartAsync()
    {
        var executable = Executable();
        if (executable is null || !File.Exists(PackagedConfiguration))
        {
            throw new InvalidOperationException(
                $"Virtuoso (virtuoso-t and {PackagedConfiguration}) was not found: install the Debian package {Package} (apt-get install {Package}), as tests/test.sh does.");
        }

        var folder = Directory.CreateTempSubdirectory("kg-virtuoso-").FullName;
        var sqlPort = FreePort();
        var httpPort = FreePort();
        var configuration = Path.Combine(folder, "virtuoso.ini");
        File.WriteAllText(configuration, Configure(File.ReadAllText(PackagedConfiguration), folder, sqlPort, httpPort));

        var start = new ProcessStartInfo(executable, ["+foreground", "+configfile", configuration])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new VirtuosoServer(process, folder, sqlPort, httpPort);
        try
        {
            await server.WaitUntilUpAsync(TimeSpan.FromSeconds(90));
        }
        catch (Exception e)
        {
            await server.DisposeAsync();
            string text;
            lock (log)
            {
                text = log.ToString();
            }

            throw new InvalidOperationException($"Virtuoso did not answer at {server.Endpoint}: {e.Message}\n{text}", e);
        }

        return server;
    }

    /// <summary>Runs SQL with <c>isql-vt</c> as the administrator and returns what it printed.</summary>
    public async Task<string> IsqlAsync(string sql)
    {
        var start = new ProcessStartInfo("isql-vt", [$"127.0.0.1:{SqlPort}", "dba", "dba", $"exec={sql}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("isql-vt did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || (await output).Contains("*** Error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"isql-vt failed ({process.ExitCode}) on {sql}: {await output}{await error}");
        }

        return await output;
    }

    /// <summary>Stops the server as Ctrl+C would (it checkpoints and exits), then deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SignalInterrupt);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task WaitUntilUpAsync(TimeSpan patience)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ask = new Uri(Endpoint + "?query=" + Uri.EscapeDataString("ASK {}"));
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"virtuoso-t exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync(ask);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no answer within {patience.TotalSeconds} s.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The packaged configuration with every file in <paramref name="folder"/>, the servers on 127.0.0.1, the folder
    /// readable by the bulk loader, no cap on the rows of a result (the packaged one cuts results at 10,000 rows), and
    /// room in the transaction log for the MOVE of a large push.
    /// </summary>
    private static string Configure(string ini, string folder, int sqlPort, int httpPort)
    {
        var section = "";
        var lines = ini.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (SectionLine().Match(line) is { Success: true } header)
            {
                section = header.Groups[1].Value;
                if (section == "Parameters")
                {
                    // A push's MOVE is one transaction: the default limit of its log (50 MB) aborts one of a few million triples.
                    lines[i] = line + $"\nTransactionAfterImageLimit = {TransactionLogLimit}";
                }

                continue;
            }

            if (SettingLine().Match(line) is not { Success: true } setting)
            {
                continue;
            }

            var key = setting.Groups[1].Value;
            var value = setting.Groups[2].Value.Trim();
            string? replaced = (section, key) switch
            {
                ("Database" or "TempDatabase", "DatabaseFile" or "ErrorLogFile" or "LockFile" or "TransactionFile" or "xa_persistent_file")
                    => Path.Combine(folder, (section == "TempDatabase" ? "temp-" : "") + Path.GetFileName(value)),
                ("Parameters", "ServerPort") => $"127.0.0.1:{sqlPort}",
                ("Parameters", "DirsAllowed") => $"., {folder}, /usr/share/virtuoso-opensource-7/vad",
                ("HTTPServer", "ServerPort") => $"127.0.0.1:{httpPort}",
                ("SPARQL", "ResultSetMaxRows") => "1000000000",
                ("SPARQL", "MaxQueryExecutionTime") => "600",
                _ => null,
            };
            if (replaced is not null)
            {
                lines[i] = $"{key} = {replaced}";
            }
        }

        return string.Join('\n', lines);
    }

    private static string? Executable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
        {
            var candidate = Path.Combine(directory, "virtuoso-t");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SignalInterrupt = 2;

    private const long TransactionLogLimit = 2_000_000_000;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"^\s*\[([^\]]+)\]")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^\s*([A-Za-z_0-9]+)\s*=([^;]*)")]
    private static partial Regex SettingLine();
}
