using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>What a child process did: its command line, exit code and everything it printed.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The whole run, for assertion messages.</summary>
    public override string ToString() =>
        $"> {CommandLine}{Environment.NewLine}exit code {ExitCode} after {Elapsed.TotalSeconds:0.0}s{Environment.NewLine}{Output}";
}

/// <summary>Runs the dotnet CLI as a user would, with a time limit and captured output.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Variables that the test host inherits from the dotnet CLI that started it. They point a child
    /// build at the parent's MSBuild; a child must find its own SDK from its own folder.
    /// </summary>
    private static readonly string[] InheritedBuildVariables =
    [
        "MSBuildExtensionsPath",
        "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE",
        "DOTNET_CLI_TELEMETRY_SESSIONID",
        "VSTEST_HOST_DEBUG",
    ];

    /// <summary>The dotnet executable that runs these tests, so children use the same SDK installation.</summary>
    public static string DotnetPath { get; } = FindDotnet();

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult Dotnet(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(DotnetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedBuildVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "0";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No MSBuild node or compiler server may outlive the command: it would hold the output pipes open.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["UseSharedCompilation"] = "false";
        startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = "dotnet " + string.Join(' ', startInfo.ArgumentList);
        var output = new StringBuilder();
        using var outputClosed = new ManualResetEventSlim();
        using var errorClosed = new ManualResetEventSlim();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(e.Data, errorClosed);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own just now.
            }

            process.WaitForExit(TimeSpan.FromSeconds(30));
            throw new TimeoutException(
                $"'{commandLine}' did not finish within {timeout.TotalMinutes:0.#} minutes; its output so far:{Environment.NewLine}{Snapshot()}");
        }

        // The process has ended; give the readers a moment to drain what it printed last.
        outputClosed.Wait(TimeSpan.FromSeconds(30));
        errorClosed.Wait(TimeSpan.FromSeconds(30));
        stopwatch.Stop();
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(), stopwatch.Elapsed);

        void Append(string? line, ManualResetEventSlim closed)
        {
            if (line is null)
            {
                closed.Set();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static string FindDotnet()
    {
        // Set by the dotnet CLI for the processes it starts, the test host among them.
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, fileName)))
        {
            return Path.Combine(root, fileName);
        }

        return fileName;
    }
}
