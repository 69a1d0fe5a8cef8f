using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>
/// Packs the KnowledgeGraph package once, with a version no cache has seen, into a temporary folder that
/// the consumer apps of the tests use as a package source.
/// </summary>
/// <remarks>
/// Nothing here writes into the repository: the pack builds into its own artifacts folder. Set
/// KG_E2E_KEEP=1 to keep the temporary folder for a look after the run.
/// </remarks>
public sealed class PackageFixture : IDisposable
{
    /// <summary>How long one pack or build may take on a slow machine.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long a consumer app may run.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public PackageFixture()
    {
        RepositoryRoot = Repository.Root;
        Version = string.Create(
            CultureInfo.InvariantCulture,
            $"0.0.0-e2e.t{DateTime.UtcNow:yyyyMMddHHmmss}x{Guid.NewGuid().ToString("N")[..8]}");
        WorkDirectory = Path.Combine(Path.GetTempPath(), "kg-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        PackagesDirectory = Path.Combine(WorkDirectory, "packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        PackResult = Pack(Path.Combine("nuget", "KnowledgeGraph.Package.csproj"));
        var packages = Directory.GetFiles(FeedDirectory, "*.nupkg");
        if (PackResult.ExitCode != 0 || packages.Length != 1)
        {
            throw new InvalidOperationException(
                $"Packing failed or made {packages.Length} packages instead of one:{Environment.NewLine}{PackResult}");
        }

        PackagePath = packages[0];
        WriteConsumerRoot();
    }

    /// <summary>The folder that holds KnowledgeGraph.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The version the package was packed with.</summary>
    public string Version { get; }

    /// <summary>The temporary folder of this run: package feed, package cache, consumer apps.</summary>
    public string WorkDirectory { get; }

    /// <summary>The folder the package was packed into; the consumers' extra package source.</summary>
    public string FeedDirectory { get; }

    /// <summary>The consumers' own package cache, so that no version cached earlier can interfere.</summary>
    public string PackagesDirectory { get; }

    /// <summary>The packed KnowledgeGraph.{version}.nupkg.</summary>
    public string PackagePath { get; }

    /// <summary>How the pack went.</summary>
    public ProcessResult PackResult { get; }

    /// <summary>
    /// Packs another package of the repository (<paramref name="projectPath"/>, relative to its root) into the feed,
    /// with the same version as the KnowledgeGraph package.
    /// </summary>
    public void PackAlso(string projectPath)
    {
        var result = Pack(projectPath);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing {projectPath} failed:{Environment.NewLine}{result}");
        }
    }

    private ProcessResult Pack(string projectPath) => ProcessRunner.Dotnet(
        RepositoryRoot,
        [
            "pack", projectPath,
            "-c", "Release",
            "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
            "-p:Version=" + Version,
            "--disable-build-servers",
            "-nodeReuse:false",
            "-tl:off",
        ],
        BuildTimeout);

    /// <summary>
    /// A new console app in its own folder that references the package by version, with the given files
    /// (relative names in the app folder, and their text).
    /// </summary>
    public ConsumerApp CreateConsumer(string name, IReadOnlyDictionary<string, string> files) =>
        CreateProject(name, """<PackageReference Include="KnowledgeGraph" Version="$(KnowledgeGraphVersion)" />""", files);

    /// <summary>
    /// A new project in its own folder: strict settings as a careful user has them, the given items
    /// (<c>$(KnowledgeGraphVersion)</c> is the packed version) and files.
    /// </summary>
    public ConsumerApp CreateProject(string name, string items, IReadOnlyDictionary<string, string> files, string outputType = "Exe")
    {
        var directory = Path.Combine(WorkDirectory, "consumers", name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(
            Path.Combine(directory, name + ".csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- Generated code must compile without a warning in a strict project. -->
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The vulnerability feed is not what this test is about. -->
                <NuGetAudit>false</NuGetAudit>
                <KnowledgeGraphVersion>{Version}</KnowledgeGraphVersion>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
        foreach (var (relativePath, text) in files)
        {
            var path = Path.Combine(directory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return new ConsumerApp(this, directory, Path.Combine(directory, name + ".csproj"));
    }

    /// <summary>The environment of every consumer build: its own package cache.</summary>
    internal IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KG_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still in use: the temporary folder is cleaned up by the system later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The root of the consumers' folder tree: it stops the search for the repository's build files (or any
    /// in the temporary folder's parents), pins the same SDK as the repository, and adds the feed.
    /// </summary>
    private void WriteConsumerRoot()
    {
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Packages.props"), "<Project />\n");
        var globalJson = Path.Combine(RepositoryRoot, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(WorkDirectory, "global.json"));
        }

        // No <clear/>: the user's usual sources stay, for the package's own dependencies.
        File.WriteAllText(
            Path.Combine(WorkDirectory, "NuGet.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(PackagesDirectory)}" />
              </config>
              <packageSources>
                <add key="knowledgegraph-e2e" value="{SecurityElement.Escape(FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);
    }
}

/// <summary>A console app that uses the package, in a temporary folder.</summary>
public sealed class ConsumerApp(PackageFixture fixture, string directory, string projectPath)
{
    /// <summary>The app's folder.</summary>
    public string Directory { get; } = directory;

    /// <summary><c>dotnet build</c> (restore included), as a user runs it.</summary>
    public ProcessResult Build() => ProcessRunner.Dotnet(
        Directory,
        ["build", projectPath, "-c", "Release", "--disable-build-servers", "-nodeReuse:false", "-tl:off"],
        PackageFixture.BuildTimeout,
        fixture.ConsumerEnvironment);

    /// <summary><c>dotnet test</c> (restore and build included), as a user runs it, with <paramref name="environment"/> added.</summary>
    public ProcessResult Test(IReadOnlyDictionary<string, string> environment) => ProcessRunner.Dotnet(
        Directory,
        ["test", projectPath, "-c", "Release", "--disable-build-servers", "-nodeReuse:false", "-tl:off"],
        PackageFixture.BuildTimeout,
        fixture.ConsumerEnvironment.Concat(environment).ToDictionary());

    /// <summary><c>dotnet run</c> of what <see cref="Build"/> made.</summary>
    public ProcessResult Run() => ProcessRunner.Dotnet(
        Directory,
        ["run", "--project", projectPath, "-c", "Release", "--no-build"],
        PackageFixture.RunTimeout,
        fixture.ConsumerEnvironment);
}
