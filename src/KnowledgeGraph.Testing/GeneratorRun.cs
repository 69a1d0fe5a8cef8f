using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Generators;
using KnowledgeGraph.Generators.Emitting;
using KnowledgeGraph.Testing.Running;
using KnowledgeGraph.Testing.Snapshots;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KnowledgeGraph.Testing;

/// <summary>
/// The KnowledgeGraph generator run in process over a project's <c>.kg.json</c> files, as the project's build runs
/// it: the sources it wrote, by hint name, and the diagnostics it reported. <see cref="VerifyAsync"/> compares them
/// with the reviewed snapshots beside the test.
/// </summary>
/// <example>
/// <code>
/// [Fact]
/// public Task GeneratedCode() =&gt; GeneratorRun.ForProject("../MyApp/MyApp.csproj").VerifyAsync();
/// </code>
/// </example>
public sealed class GeneratorRun
{
    private GeneratorRun(string projectDirectory, IReadOnlyDictionary<string, string> sources, ImmutableArray<Diagnostic> diagnostics)
    {
        ProjectDirectory = projectDirectory;
        Sources = sources;
        Diagnostics = diagnostics;
    }

    /// <summary>The folder that the paths of <see cref="Diagnostics"/> are shown relative to: the project's, or the test's for <see cref="ForFiles"/>.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The generated sources by hint name (for example <c>Diplomacy.Person.g.cs</c>), in ordinal order of the names.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>What the generator reported, as the compiler reports it: <c>KG</c> diagnostics at their place in the files.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Runs the generator over <paramref name="paths"/> with <paramref name="rootNamespace"/> as the project's root namespace.</summary>
    /// <param name="paths">The <c>.kg.json</c> files; a relative path is relative to the folder of the calling test's source file.</param>
    /// <param name="rootNamespace">The namespace of a file that names none: the project's <c>RootNamespace</c>.</param>
    /// <param name="callerFilePath">Filled in by the compiler: the calling test's source file.</param>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static GeneratorRun ForFiles(IEnumerable<string> paths, string rootNamespace, [CallerFilePath] string callerFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(rootNamespace);
        var directory = CallerDirectory(callerFilePath);
        var files = paths.Select(path => Path.GetFullPath(Path.Combine(directory, path))).ToList();
        if (files.Count == 0)
        {
            // A snapshot of nothing would pass whatever the model says.
            throw new ArgumentException("No .kg.json file was given.", nameof(paths));
        }

        return Run(directory, files, rootNamespace);
    }

    /// <summary>
    /// Runs the generator over the <c>.kg.json</c> files of the project at <paramref name="csprojPath"/>, with its root
    /// namespace, read from the project file without MSBuild (see the package's README for what is honoured).
    /// </summary>
    /// <param name="csprojPath">The project file; a relative path is relative to the folder of the calling test's source file.</param>
    /// <param name="callerFilePath">Filled in by the compiler: the calling test's source file.</param>
    /// <exception cref="FileNotFoundException">The project file does not exist.</exception>
    /// <exception cref="InvalidOperationException">The project has no <c>.kg.json</c> file.</exception>
    /// <exception cref="NotSupportedException">What the project gives the generator depends on what only MSBuild evaluates (a condition, an import's property).</exception>
    public static GeneratorRun ForProject(string csprojPath, [CallerFilePath] string callerFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(csprojPath);
        var path = Path.GetFullPath(Path.Combine(CallerDirectory(callerFilePath), csprojPath));
        var project = ProjectFile.Read(path);
        if (project.ModelFiles.Count == 0)
        {
            throw new InvalidOperationException($"The build of {path} gives the generator no .kg.json file: is this the project that holds the model?");
        }

        return Run(project.Directory, project.ModelFiles, project.RootNamespace);
    }

    /// <summary>
    /// Compares the sources and diagnostics with the verified snapshots beside the calling test:
    /// <c>{Class}.{Method}#{HintName}.verified.cs</c> per source and <c>{Class}.{Method}.verified.txt</c> for the
    /// diagnostics, if there are any (<c>{Class}</c> is the name of the test's source file).
    /// </summary>
    /// <param name="options">What to compare, and where the snapshots are; everything, beside the test, when null.</param>
    /// <param name="sourceFilePath">Filled in by the compiler: the calling test's source file.</param>
    /// <param name="methodName">Filled in by the compiler: the calling test method.</param>
    /// <exception cref="SnapshotMismatchException">
    /// A source or the diagnostics differ from their snapshot, a snapshot is missing, or one is left of a source the
    /// generator no longer writes. The received files are written beside the verified ones; outside CI the diff tool
    /// opens (DiffEngine's rules). With the environment variable <c>KnowledgeGraph_AcceptSnapshots=true</c> the
    /// received texts are written as verified instead.
    /// </exception>
    public Task VerifyAsync(SnapshotOptions? options = null, [CallerFilePath] string sourceFilePath = "", [CallerMemberName] string methodName = "")
    {
        options ??= new SnapshotOptions();
        var prefix = $"{Path.GetFileNameWithoutExtension(sourceFilePath)}.{methodName}";
        var directory = Path.GetFullPath(Path.Combine(CallerDirectory(sourceFilePath), options.SnapshotDirectory ?? ""));

        var hintNames = Sources.Keys.ToHashSet(StringComparer.Ordinal);
        var files = Sources
            .Where(source => options.IncludeFactTables || !Emitter.IsFactTable(source.Key, hintNames))
            .Where(source => options.HintNameFilter?.Invoke(source.Key) ?? true)
            .Select(source => new SnapshotFile(
                $"{prefix}#{Path.GetFileNameWithoutExtension(source.Key)}",
                ".cs",
                options.ScrubGeneratedCodeVersion ? ScrubVersion(source.Value) : source.Value))
            .ToList();
        if (!Diagnostics.IsEmpty)
        {
            files.Add(new SnapshotFile(prefix, ".txt", DiagnosticsText()));
        }

        return new SnapshotFolder(directory, prefix).VerifyAsync(files);
    }

    /// <summary>The diagnostics a line each, as the compiler prints them, paths relative to <see cref="ProjectDirectory"/>, in order of place.</summary>
    public string DiagnosticsText()
    {
        var text = new StringBuilder();
        foreach (var diagnostic in Diagnostics)
        {
            text.Append(Format(diagnostic)).Append('\n');
        }

        return text.ToString();
    }

    private string Format(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        var message = $"{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        if (!diagnostic.Location.IsInSource && diagnostic.Location.Kind != LocationKind.ExternalFile)
        {
            return message;
        }

        var span = diagnostic.Location.GetLineSpan();
        var path = Path.GetRelativePath(ProjectDirectory, span.Path).Replace('\\', '/');
        return string.Create(CultureInfo.InvariantCulture, $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {message}");
    }

    private static GeneratorRun Run(string projectDirectory, IEnumerable<string> paths, string rootNamespace)
    {
        var files = paths.Select(path => File.Exists(path)
            ? new ModelText(path, File.ReadAllText(path))
            : throw new FileNotFoundException($"The model file {path} does not exist.", path)).ToList();
        // The generator reads no C#: an empty compilation stands for the project's.
        var result = BuildDriver.Create(files, rootNamespace)
            .RunGenerators(CSharpCompilation.Create(nameof(GeneratorRun)), CancellationToken.None)
            .GetRunResult();
        var sources = result.Results.Single().GeneratedSources
            .ToImmutableSortedDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);
        var diagnostics = result.Diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new GeneratorRun(projectDirectory, sources, diagnostics);
    }

    /// <summary>The <c>[GeneratedCode]</c> attributes with <c>{version}</c> for the generator's version.</summary>
    private static string ScrubVersion(string source) =>
        source.Replace(
            Emitter.GeneratedCodeAttributeOf($"{typeof(KnowledgeGraphGenerator).Assembly.GetName().Version}"),
            Emitter.GeneratedCodeAttributeOf("{version}"),
            StringComparison.Ordinal);

    private static string CallerDirectory(string callerFilePath)
    {
        var directory = Path.GetDirectoryName(callerFilePath);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"The calling test's source folder '{directory}' does not exist here: relative paths and snapshots are placed beside the test's source file, "
                + "which the compiler names at build time. Run the tests where they were built, without a PathMap (as ContinuousIntegrationBuild sets).");
        }

        return directory;
    }
}
