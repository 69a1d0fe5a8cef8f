using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using KnowledgeGraph.Language.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Tests.Infrastructure;

/// <summary>
/// Saves the graphs of a model and reads the saved files back, through the generator and through each graph's run-time
/// <c>Load</c>: the graphs generated from the files of the schema and the saved files, and those loaded from the saved
/// files, must equal those of the original files, value for value.
/// </summary>
/// <remarks>
/// The generated code is compiled and run here, against the runtime it is compiled against in every test of this
/// project (the net8.0 build, loaded apart from the test's own assemblies). The graphs are compared by a dump of
/// every entity and relation made by reflection from their generated properties, so that the comparison does not
/// rest on what Save writes.
/// </remarks>
internal static class SaveRoundTrip
{
    /// <summary>Runs the round trip on a model; fails with what differs.</summary>
    /// <returns>The saved files, by graph class name.</returns>
    public static Dictionary<string, string> Check(string? rootNamespace, params ModelFile[] files)
    {
        var original = GeneratorHarness.Run(null, rootNamespace, files);
        var graphs = Run(original);
        Assert.NotEmpty(graphs);

        // The schema of the original files, without their entities and facts, and a saved file per graph in their place.
        var schema = files.Select(file => new ModelFile(file.Path, SchemaOnly(file.Content)));
        var saved = graphs.Select(graph => new ModelFile($"/saved/{graph.Name}.kg.json", graph.Saved)).ToArray();
        var readBack = GeneratorHarness.Run(null, rootNamespace, [.. schema, .. saved]);

        Assert.Equal(Diagnostics(original), Diagnostics(readBack));
        var again = Run(readBack).ToDictionary(graph => graph.Name);
        foreach (var graph in graphs)
        {
            Assert.True(again.TryGetValue(graph.Name, out var copy), $"No graph {graph.Name} was generated from the saved file.");
            AssertSameLines(graph.Dump, copy.Dump, $"{graph.Name} read back from its saved file:\n{graph.Saved}");
            Assert.Equal(graph.Saved, copy.Saved); // saving the graph read back writes the same file
        }

        return graphs.ToDictionary(graph => graph.Name, graph => graph.Saved);
    }

    /// <summary>A file without its entities and relations, read with the generator's own parser.</summary>
    public static string SchemaOnly(string content)
    {
        var file = (JsonObject)JsonSource.FromBytes("schema.kg.json", Encoding.UTF8.GetBytes(content), CancellationToken.None).ReadValue();
        var text = new StringBuilder();
        Write(text, new JsonObject(file.Location, file.Members.Where(member => member.Key.Value is not ("entities" or "relations")).ToList()));
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode node)
    {
        switch (node)
        {
            case JsonObject json:
                text.Append('{');
                foreach (var (member, i) in json.Members.Select((member, i) => (member, i)))
                {
                    text.Append(i == 0 ? "" : ",\n").Append(Quoted(member.Key.Value)).Append(": ");
                    Write(text, member.Value);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var (item, i) in array.Items.Select((item, i) => (item, i)))
                {
                    Write(text.Append(i == 0 ? "" : ", "), item);
                }

                text.Append(']');
                break;
            case JsonScalar { Kind: JsonKind.String } scalar:
                text.Append(Quoted(scalar.Text));
                break;
            case JsonScalar scalar:
                text.Append(scalar.Text);
                break;
        }
    }

    /// <summary>A JSON string; control characters and the halves of surrogate pairs escaped.</summary>
    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static List<string> Diagnostics(GeneratorResult result) =>
        result.GeneratorDiagnostics.Select(d => $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();

    private static void AssertSameLines(string expected, string actual, string what)
    {
        if (expected == actual)
        {
            return;
        }

        var (want, got) = (expected.Split('\n'), actual.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], Math.Min(want.Length, got.Length));
        Assert.Fail($"{what}\ndiffers at line {line + 1} of the dump:\n  expected: {want.ElementAtOrDefault(line)}\n  actual:   {got.ElementAtOrDefault(line)}");
    }

    /// <summary>Compiles the generated code, loads it, and saves and dumps each of its graphs.</summary>
    private static List<(string Name, string Saved, string Dump)> Run(GeneratorResult result)
    {
        var output = result.ShouldCompileCleanly().Output;
        var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new RuntimeContext();
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var graphBase = context.Runtime.GetType("KnowledgeGraph.Graph", throwOnError: true)!;
            return assembly.GetTypes()
                .Where(type => type.IsSubclassOf(graphBase) && type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static) is not null)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type =>
                {
                    var graph = type.GetProperty("Default")!.GetValue(null)!;
                    var stream = new MemoryStream();
                    type.GetMethod("Save", [typeof(Stream)])!.Invoke(graph, [stream]);
                    var saved = Encoding.UTF8.GetString(stream.ToArray());
                    var dump = Dump(graph, context.Runtime);

                    // Loaded at run time, the saved file is the same graph again.
                    var path = Path.Combine(Path.GetTempPath(), $"kg-saved-{Guid.NewGuid():N}.kg.json");
                    File.WriteAllText(path, saved);
                    try
                    {
                        var loaded = type.GetMethod("Load", [typeof(string[])])!.Invoke(null, [new[] { path }])!;
                        AssertSameLines(dump, Dump(loaded, context.Runtime), $"{type.Name} loaded at run time from its saved file:\n{saved}");
                    }
                    finally
                    {
                        File.Delete(path);
                    }

                    return (type.Name, saved, dump);
                })
                .ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Every entity and relation in graph order, each with its type and every value it was given.</summary>
    private static string Dump(object graph, Assembly runtime)
    {
        var text = new StringBuilder();
        foreach (var kind in new[] { "Entity", "Relation" })
        {
            var all = graph.GetType().GetMethod(kind == "Entity" ? "Entities" : "Relations")!
                .MakeGenericMethod(runtime.GetType($"KnowledgeGraph.{kind}", throwOnError: true)!)
                .Invoke(graph, null);
            foreach (var element in (IEnumerable)all!)
            {
                var type = element.GetType();
                text.Append(type.FullName);
                var ends = kind == "Entity" ? ["Id"] : new[] { "From", "To" };
                // Values are what a fact is given: the ends, and every property with an init accessor (roles, sources, validity).
                var values = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(property => property.SetMethod is { IsPublic: true })
                    .Select(property => property.Name)
                    .Distinct()
                    .Order(StringComparer.Ordinal);
                foreach (var name in ends.Concat(values))
                {
                    // By name, as a relation's typed ends hide the untyped ones of its base.
                    text.Append(' ').Append(name).Append('=').Append(Value(type.GetProperties().First(property => property.Name == name).GetValue(element)));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        Uri uri => SymbolDisplay.FormatLiteral(uri.OriginalString, quote: true),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ when value.GetType().GetProperty("Id") is { } id => "#" + id.GetValue(value),
        _ => value.ToString() ?? "",
    };

    /// <summary>A context of its own for each compiled graph, with the runtime it was compiled against.</summary>
    private sealed class RuntimeContext() : AssemblyLoadContext(isCollectible: true)
    {
        private readonly Dictionary<string, Assembly> _loaded = [];

        public Assembly Runtime => Load(new AssemblyName("KnowledgeGraph"))!;

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is not ("KnowledgeGraph" or "QuikGraph"))
            {
                return null;
            }

            if (!_loaded.TryGetValue(name.Name, out var assembly))
            {
                _loaded.Add(name.Name, assembly = LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "runtime", name.Name + ".dll")));
            }

            return assembly;
        }
    }
}
