using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Language.Parsing;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests.Infrastructure;

/// <summary>
/// Runs a model's files through the run-time loader as well as the generator, and asserts that both report the same
/// diagnostics at the same places: the loader of a graph compiled from the model's schema alone loads the model's
/// files, entities, facts, mistakes and all.
/// </summary>
/// <remarks>
/// Mistakes in the schema itself cannot reach the loader (a graph with them does not compile), nor can names the
/// generator makes of entity ids for the graph class's members (KG0017, KG0026): models with those are compared on
/// nothing. A file that is not valid JSON is compared on where it stops (KG0001) only, as the generator drops the file
/// while the loader has checked what it read before the mistake.
/// </remarks>
internal static class LoaderParity
{
    private static readonly string[] GeneratedNameIds = ["KG0017", "KG0026"];

    // What is found in a file's entities and facts, which the build checks only in a file of a graph.
    private static readonly string[] FactIds =
        ["KG0005", "KG0006", "KG0007", "KG0008", "KG0009", "KG0010", "KG0011", "KG0012", "KG0014", "KG0016", "KG0020", "KG0022", "KG0023", "KG0025", "KG0028"];

    private static readonly Lazy<Type> Fallback = new(() => Compile(new ModelFile("empty.kg.json", """{ "graph": "ParityFallback" }""")));

    // Every graph assembly of the tests is loaded here, next to one copy of the runtime.
    private static readonly RuntimeContext Context = new();

    private static int s_assemblies;

    /// <summary>Asserts that the loader reports what the generator reported for the files (<paramref name="result"/>).</summary>
    /// <returns>Whether the files were compared, for tests that count on it.</returns>
    public static bool AssertSameAsGenerator(IReadOnlyList<ModelFile> files, GeneratorResult result)
    {
        var generated = result.GeneratorDiagnostics.Where(d => d.Id.StartsWith("KG", StringComparison.Ordinal)).ToList();
        if (generated.Any(d => GeneratedNameIds.Contains(d.Id)))
        {
            return false;
        }

        var stripped = files.Select(Strip).ToList();
        var schema = GeneratorHarness.Run(stripped.Where(file => file is not null).Select(file => file!).ToArray());
        if (schema.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || schema.CompilationDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return false;
        }

        var assembly = Context.Load(schema.Output.WithAssemblyName(NextAssemblyName()));
        var graphs = assembly.GetTypes().Where(type => type.BaseType?.FullName == "KnowledgeGraph.Graph").ToList();
        var folder = Directory.CreateTempSubdirectory("kg-parity-").FullName;
        try
        {
            var loaded = new List<(string Id, string Path, int Line, int Column)>();
            foreach (var graph in graphs)
            {
                var paths = files.Where(file => GraphOf(file) is { } name && Identifiers.ToPascalCase(name).TrimStart('@') == graph.Name);
                loaded.AddRange(TryLoad(graph, folder, paths));
            }

            // A file of no graph (not valid JSON, or without "graph") is read but placed in no graph by the build: each
            // is loaded alone into an empty graph, and only what the build reports of a file, its parsing, is compared.
            foreach (var file in files.Where(file => GraphOf(file) is null))
            {
                loaded.AddRange(TryLoad(Fallback.Value, folder, [file]).Where(d => !FactIds.Contains(d.Id)));
            }

            var expected = generated.Select(d =>
            {
                // A pattern is in the compiled schema, not in a loaded file: the loader points at the value it took too long on.
                var span = (d.Id == "KG0028" ? d.AdditionalLocations[0] : d.Location).GetLineSpan();
                return (d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
            }).ToList();
            if (expected.Any(d => d.Id == "KG0001"))
            {
                expected = expected.Where(d => d.Id == "KG0001").ToList();
                loaded = loaded.Where(d => d.Id == "KG0001").ToList();
            }

            Assert.Equal(expected.Order().ToList(), loaded.Order().ToList());
            return true;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Loads the files into the graph with its generated <c>TryLoad</c>, and returns its diagnostics, paths relative to the folder.</summary>
    public static List<(string Id, string Path, int Line, int Column)> TryLoad(Type graph, string folder, IEnumerable<ModelFile> files) =>
        TryLoadWithMessages(graph, folder, files).Select(d => (d.Id, d.Path, d.Line, d.Column)).ToList();

    /// <inheritdoc cref="TryLoad"/>
    public static List<(string Id, string Message, string Path, int Line, int Column)> TryLoadWithMessages(Type graph, string folder, IEnumerable<ModelFile> files)
    {
        var paths = files.OrderBy(file => file.Path, StringComparer.Ordinal).Select(file => Write(folder, file)).ToList();
        var arguments = new object?[] { paths, null, null };
        graph.GetMethod("TryLoad")!.Invoke(null, arguments);
        var diagnostics = new List<(string Id, string Message, string Path, int Line, int Column)>();
        foreach (var diagnostic in (System.Collections.IEnumerable)arguments[2]!)
        {
            var type = diagnostic.GetType();
            string Text(string property) => (string)type.GetProperty(property)!.GetValue(diagnostic)!;
            int Number(string property) => (int)type.GetProperty(property)!.GetValue(diagnostic)!;
            diagnostics.Add((Text("Id"), Text("Message"), Path.GetRelativePath(folder, Text("Path")).Replace('\\', '/'), Number("Line"), Number("Column")));
        }

        return diagnostics;
    }

    /// <summary>The graph class that the generator makes of the files, compiled and loaded next to the runtime.</summary>
    public static Type Compile(params ModelFile[] files)
    {
        var result = GeneratorHarness.Run(files).ShouldCompileCleanly();
        return Context.Load(result.Output.WithAssemblyName(NextAssemblyName())).GetTypes().Single(type => type.BaseType?.FullName == "KnowledgeGraph.Graph");
    }

    private static string NextAssemblyName() => $"Parity{System.Threading.Interlocked.Increment(ref s_assemblies)}";

    private static string? GraphOf(ModelFile file) => Parse(file).Graph?.Value;

    private static ParsedFile Parse(ModelFile file) => FileParser.Parse(file.Path, file.Content, System.Threading.CancellationToken.None);

    private static string Write(string folder, ModelFile file)
    {
        var path = Path.Combine(folder, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, file.Content);
        return path;
    }

    /// <returns>
    /// The file with empty entities and facts, every other character in its place, so that the schema's own mistakes
    /// are reported where they are; null for a file that is not valid JSON.
    /// </returns>
    private static ModelFile? Strip(ModelFile file)
    {
        JsonNode root;
        try
        {
            root = JsonSource.FromBytes(file.Path, System.Text.Encoding.UTF8.GetBytes(file.Content), default).ReadValue();
        }
        catch (JsonSyntaxException)
        {
            return null;
        }

        if (root is not JsonObject members)
        {
            return file;
        }

        var content = file.Content;
        foreach (var member in members.Members.Where(m => m.Key.Value is "entities" or "relations").OrderByDescending(m => m.Value.Location.Start))
        {
            var empty = member.Value is JsonObject ? "{}" : member.Value is JsonArray ? "[]" : "null";
            content = content[..member.Value.Location.Start] + empty + content[member.Value.Location.End..];
        }

        return file with { Content = content };
    }

    private sealed class RuntimeContext : AssemblyLoadContext
    {
        private readonly string _folder = Path.Combine(AppContext.BaseDirectory, "runtime");

        public RuntimeContext()
            : base("KnowledgeGraph runtime for parity tests")
        {
        }

        public Assembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            stream.Position = 0;
            return LoadFromStream(stream);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
