using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Language.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg stats PATHS…</c>: what the graph of the files holds, from the runtime's own queries on the graph
/// <c>kg export</c> exports: entities and facts per type, the most connected entities, the dates, the sources.
/// </summary>
internal static class StatsCommand
{
    private const string TextFormat = "text";
    private const string JsonFormat = "json";

    public static Command Create(TextWriter output, TextWriter error, IAnsiConsole? terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (their *.kg.json files at any depth) or globs (*, ?, **) of one graph.",
            Arity = ArgumentArity.OneOrMore,
        };
        var top = new Option<int>("--top")
        {
            Description = "How many of the most connected entities to list.",
            DefaultValueFactory = _ => 10,
            CustomParser = CheckCommand.CountOf("--top", 1),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (tables: drawn on a terminal, plain and aligned when redirected) or json.",
            DefaultValueFactory = _ => TextFormat,
        };
        format.AcceptOnlyFromAmong(TextFormat, JsonFormat);
        CheckCommand.RejectUnknownOptions(paths);

        var command = new Command("stats", "Counts what the graph of *.kg.json files holds. Exit codes: 0 counted, 1 errors in the files, 2 bad usage.")
        {
            paths,
            top,
            format,
        };
        command.SetAction(parseResult =>
        {
            var files = FileSet.Expand(parseResult.GetValue(paths)!);
            if (CheckCommand.ReadOneGraph(files, error, "no statistics", "count", terminal) is not { } model)
            {
                return ExitCodes.Errors;
            }

            var stats = GraphStats.Of(model, parseResult.GetValue(top));
            if (parseResult.GetValue(format) == JsonFormat)
            {
                output.Write(stats.ToJson());
            }
            else if (terminal is not null)
            {
                stats.Draw(terminal);
            }
            else
            {
                output.Write(stats.ToText());
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The figures <c>kg stats</c> writes, gathered once for either format.</summary>
internal sealed record GraphStats(
    string Graph,
    IReadOnlyList<(string Type, int Count)> EntityTypes,
    IReadOnlyList<(string Type, int Count)> RelationTypes,
    IReadOnlyList<(GraphStats.Described Entity, int Degree)> MostConnected,
    string? Earliest,
    string? Latest,
    int FactsWithValidity,
    IReadOnlyList<(GraphStats.Described Source, int Facts)> Sources,
    int FactsWithoutSource)
{
    public int EntityCount => EntityTypes.Sum(type => type.Count);

    public int FactCount => RelationTypes.Sum(type => type.Count);

    /// <summary>An entity as a reader knows it: its id, its name when its type has one, its type.</summary>
    internal sealed record Described(string Id, string? Name, string Type);

    /// <param name="model">The checked files' graph, without errors.</param>
    /// <param name="top">How many of the most connected entities to keep.</param>
    public static GraphStats Of(GraphModel model, int top)
    {
        var graph = FileGraph.Create(model);
        var values = new ElementValues("statistics");
        Described Describe(Entity entity)
        {
            values.Of(entity);
            return new Described(entity.Id, values.Text("name"), values.TypeName);
        }

        // Every concrete type, in the order the files declare them, even one without facts.
        var entities = graph.Entities<Entity>().GroupBy(entity => values.Of(entity).TypeName).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var relations = graph.Relations<Relation>().GroupBy(relation => relation.TypeName).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        // DegreeCentrality ranks every entity, equal degrees in file order; one in no fact is not "connected".
        var mostConnected = graph.DegreeCentrality()
            .Select(score => (Entity: score.Entity, Degree: graph.Degree(score.Entity)))
            .Where(ranked => ranked.Degree > 0)
            .Take(top)
            .Select(ranked => (Describe(ranked.Entity), ranked.Degree))
            .ToArray();

        var timeline = graph.Timeline();
        var bySource = graph.FactsBySource();
        return new GraphStats(
            model.ClassName,
            model.EntityTypes.Where(type => !type.IsAbstract).Select(type => (type.SchemaName, entities.GetValueOrDefault(type.SchemaName))).ToArray(),
            model.RelationTypes.Where(type => !type.IsAbstract).Select(type => (type.SchemaName, relations.GetValueOrDefault(type.SchemaName))).ToArray(),
            mostConnected,
            timeline.Count == 0 ? null : timeline[0].Date.ToString(),
            timeline.Count == 0 ? null : timeline[^1].Date.ToString(),
            graph.Relations<Relation>().Count(relation => relation.ValidFrom is not null || relation.ValidTo is not null),
            bySource.Select(facts => (Describe(facts.Key), facts.Count())).ToArray(),
            graph.Relations<Relation>().Count(relation => relation.Sources.Count == 0));
    }

    /// <summary>Plain aligned tables, for a file or a pipe: nothing but the text.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var (section, first) in Sections().Select((section, i) => (section, i == 0)))
        {
            if (!first)
            {
                text.Append('\n');
            }

            if (section.Header is not { } header)
            {
                foreach (var row in section.Rows)
                {
                    text.Append(row[0]).Append('\n');
                }

                continue;
            }

            // Text columns left-aligned, the last (a count) right-aligned.
            var widths = header.Select((title, column) => section.Rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
            foreach (var row in section.Rows.Prepend(header))
            {
                var cells = row.Select((cell, column) => column == row.Length - 1 ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]));
                text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The same sections drawn on a terminal, the tables with borders.</summary>
    public void Draw(IAnsiConsole terminal)
    {
        foreach (var (section, first) in Sections().Select((section, i) => (section, i == 0)))
        {
            if (!first)
            {
                terminal.WriteLine();
            }

            if (section.Header is not { } header)
            {
                foreach (var row in section.Rows)
                {
                    terminal.Write(new Text(row[0] + "\n"));
                }

                continue;
            }

            // Cells are Text, never markup: a name in the files may hold [brackets].
            var table = new Spectre.Console.Table();
            foreach (var (title, column) in header.Select((title, column) => (title, column)))
            {
                var tableColumn = new TableColumn(new Text(title));
                table.AddColumn(column == header.Length - 1 ? tableColumn.RightAligned() : tableColumn);
            }

            foreach (var row in section.Rows)
            {
                table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
            }

            terminal.Write(table);
        }
    }

    /// <summary>What the text forms show, in order: the title line, tables (a header and rows, the last column a count) and lines.</summary>
    private IEnumerable<Section> Sections()
    {
        yield return Lines(string.Create(CultureInfo.InvariantCulture, $"{Graph}: {Count(EntityCount, "entity", "entities")}, {Count(FactCount, "fact", "facts")}"));
        yield return new(["Entity type", "Entities"], [.. EntityTypes.Select(type => Row(type.Type, type.Count)), Row("Total", EntityCount)]);
        yield return new(["Relation type", "Facts"], [.. RelationTypes.Select(type => Row(type.Type, type.Count)), Row("Total", FactCount)]);
        yield return new(["Most connected", "Name", "Type", "Degree"], [.. MostConnected.Select(ranked => Row(ranked.Entity, ranked.Degree))]);
        yield return Lines(
            $"Dates: {(Earliest is null ? "none" : $"{Earliest} to {Latest}")}",
            string.Create(CultureInfo.InvariantCulture, $"Facts with validity (validFrom or validTo): {FactsWithValidity} of {FactCount}"));
        yield return new(["Source", "Name", "Type", "Facts"], [.. Sources.Select(cited => Row(cited.Source, cited.Facts)), ["No source", "", "", Number(FactsWithoutSource)]]);
    }

    /// <summary>One JSON object, as the README documents it.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("graph", Graph);
            WriteCounts(json, "entities", EntityCount, EntityTypes);
            WriteCounts(json, "facts", FactCount, RelationTypes);
            json.WriteStartArray("mostConnected");
            foreach (var (entity, degree) in MostConnected)
            {
                WriteEntity(json, entity, "degree", degree);
            }

            json.WriteEndArray();
            json.WriteStartObject("dates");
            json.WriteString("earliest", Earliest);
            json.WriteString("latest", Latest);
            json.WriteNumber("factsWithValidity", FactsWithValidity);
            json.WriteEndObject();
            json.WriteStartObject("sources");
            json.WriteStartArray("cited");
            foreach (var (source, facts) in Sources)
            {
                WriteEntity(json, source, "facts", facts);
            }

            json.WriteEndArray();
            json.WriteNumber("factsWithoutSource", FactsWithoutSource);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, int total, IReadOnlyList<(string Type, int Count)> types)
    {
        json.WriteStartObject(name);
        json.WriteNumber("total", total);
        json.WriteStartArray("byType");
        foreach (var (type, count) in types)
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteNumber("count", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter json, Described entity, string countName, int count)
    {
        json.WriteStartObject();
        json.WriteString("id", entity.Id);
        json.WriteString("name", entity.Name);
        json.WriteString("type", entity.Type);
        json.WriteNumber(countName, count);
        json.WriteEndObject();
    }

    private static Section Lines(params string[] lines) => new(null, [.. lines.Select(line => new[] { line })]);

    private static string[] Row(string name, int count) => [name, Number(count)];

    private static string[] Row(Described entity, int count) => [entity.Id, entity.Name ?? "", entity.Type, Number(count)];

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count, string one, string many) => $"{Number(count)} {(count == 1 ? one : many)}";

    /// <summary>A table (a header and rows), or lines of text when <see cref="Header"/> is null (each row one line).</summary>
    private sealed record Section(string[]? Header, string[][] Rows);
}
