using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// Runs the tools that read exported files (Graphviz, rapper, rdflib, networkx). A missing tool fails the test with the
/// Debian package that brings it: tests/test.sh installs them, and a test never passes without its reader.
/// </summary>
internal static class ExternalTools
{
    // Debian's own Python, where python3-rdflib and python3-networkx install, whatever python3 comes first on PATH.
    private const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="executable"/> and returns its exit code and output.</summary>
    /// <param name="package">The Debian package that installs the executable, named when it is missing.</param>
    public static ToolRun Run(string executable, string package, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            Assert.Fail($"'{executable}' is not installed: install the Debian package {package} (tests/test.sh installs what the tests need, as root).");
            throw;
        }

        using (process)
        {
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{executable}' did not finish in two minutes.");
            }

            return new ToolRun(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>Runs a Python script with Debian's Python; a module it cannot import fails the test with its package.</summary>
    /// <param name="package">The Debian package of the modules the script imports (<c>python3-rdflib</c>).</param>
    public static ToolRun RunPython(string script, string package, params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"'{Python}' is not installed: install the Debian packages python3 and {package} (tests/test.sh installs them, as root).");
        }

        var run = Run(Python, "python3", ["-c", script, .. arguments]);
        if (run.Error.Contains("ModuleNotFoundError", StringComparison.Ordinal))
        {
            Assert.Fail($"Python cannot import what the test needs: install the Debian package {package} (tests/test.sh installs it, as root).\n{run.Error}");
        }

        return run;
    }
}

/// <summary>What a tool did: its exit code, standard output and standard error.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>Fails the test unless the tool exited with 0, showing what it said.</summary>
    public ToolRun Succeeded(string what)
    {
        Assert.True(ExitCode == 0, $"{what} failed with exit code {ExitCode}:\n{Error}\n{Output}");
        return this;
    }
}
