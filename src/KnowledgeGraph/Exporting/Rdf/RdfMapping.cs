using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Rdf;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// The RDF mapping of a graph, the one producer of triples for N-Triples, Turtle and JSON-LD (README, "RDF: N-Triples,
/// Turtle, JSON-LD"): the schema as RDFS, then each entity, then each fact; the IRIs by <see cref="RdfNames"/>.
/// </summary>
internal sealed class RdfMapping
{
    private static readonly RdfTerm Type = RdfTerm.Iri(RdfSpace.Rdf, "type");
    private static readonly RdfTerm Property = RdfTerm.Iri(RdfSpace.Rdf, "Property");
    private static readonly RdfTerm Statement = RdfTerm.Iri(RdfSpace.Rdf, "Statement");
    private static readonly RdfTerm Subject = RdfTerm.Iri(RdfSpace.Rdf, "subject");
    private static readonly RdfTerm Predicate = RdfTerm.Iri(RdfSpace.Rdf, "predicate");
    private static readonly RdfTerm Object = RdfTerm.Iri(RdfSpace.Rdf, "object");
    private static readonly RdfTerm Class = RdfTerm.Iri(RdfSpace.Rdfs, "Class");
    private static readonly RdfTerm SubClassOf = RdfTerm.Iri(RdfSpace.Rdfs, "subClassOf");
    private static readonly RdfTerm SubPropertyOf = RdfTerm.Iri(RdfSpace.Rdfs, "subPropertyOf");
    private static readonly RdfTerm Domain = RdfTerm.Iri(RdfSpace.Rdfs, "domain");
    private static readonly RdfTerm Range = RdfTerm.Iri(RdfSpace.Rdfs, "range");
    private static readonly RdfTerm Label = RdfTerm.Iri(RdfSpace.Rdfs, "label");
    private static readonly RdfTerm Comment = RdfTerm.Iri(RdfSpace.Rdfs, "comment");
    private static readonly RdfTerm Source = RdfTerm.Iri(RdfSpace.DcTerms, "source");
    private static readonly RdfTerm ValidFrom = RdfTerm.Iri(RdfSpace.SchemaOrg, "validFrom");
    private static readonly RdfTerm ValidThrough = RdfTerm.Iri(RdfSpace.SchemaOrg, "validThrough");

    private static readonly SearchValues<char> s_keptAscii =
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(RdfNames.IsKept)]);

    private readonly ExportedGraph _graph;

    // Worked out once per export: what each type's values become (its predicate, and the datatype or enum of its values).
    private readonly Dictionary<string, (RdfTerm[] Types, Dictionary<string, Value> Values)> _entityTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RdfTerm Predicate, Dictionary<string, Value> Values, Dictionary<string, RdfTerm> Roles)> _relationTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RdfTerm>> _enumValues = new(StringComparer.Ordinal);

    private RdfMapping(ExportedGraph graph)
    {
        _graph = graph;
        foreach (var type in graph.Enums)
        {
            _enumValues.Add(type.Name, type.Declaration.Values.ToDictionary(
                value => value.Value, value => RdfTerm.Iri(RdfSpace.Schema, RdfNames.SchemaLocal(type.Name, value.Value)), StringComparer.Ordinal));
        }

        foreach (var type in graph.EntityTypes)
        {
            _entityTypes.Add(type.Name, (
                [.. type.Ancestors.Prepend(type).Select(TypeTerm)],
                Lineage(type.Ancestors, type).SelectMany(t => t.Properties.Select(p => (Type: t.Name, Property: p)))
                    .ToDictionary(p => p.Property.Name, p => ValueOf(p.Type, p.Property), StringComparer.Ordinal)));
        }

        foreach (var type in graph.RelationTypes)
        {
            var lineage = Lineage(type.Ancestors, type).ToList();
            _relationTypes.Add(type.Name, (
                TypeTerm(type),
                lineage.SelectMany(t => t.Properties.Select(p => (Type: t.Name, Property: p)))
                    .ToDictionary(p => p.Property.Name, p => ValueOf(p.Type, p.Property), StringComparer.Ordinal),
                lineage.SelectMany(t => t.Roles.Select(r => (Type: t.Name, Role: r)))
                    .ToDictionary(r => r.Role.Name, r => MemberTerm(r.Type, r.Role.Name), StringComparer.Ordinal)));
        }
    }

    public static void WriteNTriples(ExportedGraph graph, Stream output) => Write(graph, new NTriplesWriter(output, graph.BaseIri));

    public static void WriteTurtle(ExportedGraph graph, Stream output) => Write(graph, new TurtleWriter(output, graph.BaseIri));

    public static void WriteJsonLd(ExportedGraph graph, Stream output) => Write(graph, new JsonLdWriter(output, graph.BaseIri));

    private static void Write(ExportedGraph graph, RdfWriter writer)
    {
        var mapping = new RdfMapping(graph);
        writer.Begin(mapping.Vocabulary());
        mapping.WriteSchema(writer);
        mapping.WriteEntities(writer);
        mapping.WriteFacts(writer);
        writer.End();
    }

    /// <summary>The names of the schema's terms, each with its IRI after <c>{base}schema/</c>, in declaration order.</summary>
    private RdfVocabulary Vocabulary()
    {
        var terms = new List<(string, string)>();
        terms.AddRange(_graph.Enums.Select(type => (type.Name, RdfNames.Segment(type.Name))));
        foreach (var type in _graph.EntityTypes)
        {
            terms.Add((type.Name, RdfNames.Segment(type.Name)));
            terms.AddRange(type.Properties.Select(p => (p.Name, RdfNames.SchemaLocal(type.Name, p.Name))));
        }

        foreach (var type in _graph.RelationTypes)
        {
            terms.Add((type.Name, RdfNames.Segment(type.Name)));
            terms.AddRange(type.Properties.Select(p => (p.Name, RdfNames.SchemaLocal(type.Name, p.Name))));
            terms.AddRange(type.Roles.Select(r => (r.Name, RdfNames.SchemaLocal(type.Name, r.Name))));
        }

        return new RdfVocabulary(terms);
    }

    private void WriteSchema(RdfWriter writer)
    {
        foreach (var type in _graph.Enums)
        {
            Describe(writer, TypeTerm(type.Name), Class, type.Name, type.Declaration.Description);
            writer.EndSubject();
            foreach (var value in type.Declaration.Values)
            {
                writer.Subject(_enumValues[type.Name][value.Value]);
                writer.Triple(Type, TypeTerm(type.Name));
                writer.Triple(Label, Text(value.Value));
                writer.EndSubject();
            }
        }

        foreach (var type in _graph.EntityTypes)
        {
            Describe(writer, TypeTerm(type), Class, type.Name, type.Declaration.Description, type.Base is { } baseType ? (SubClassOf, TypeTerm(baseType)) : null);
            writer.EndSubject();
            WriteProperties(writer, type.Name, TypeTerm(type), type.Properties);
        }

        foreach (var type in _graph.RelationTypes)
        {
            Describe(writer, TypeTerm(type), Property, type.Name, type.Declaration.Description, type.Base is { } baseType ? (SubPropertyOf, TypeTerm(baseType)) : null);
            writer.Triple(Domain, TypeTerm(type.From!));
            writer.Triple(Range, TypeTerm(type.To!));
            writer.EndSubject();
            WriteProperties(writer, type.Name, Statement, type.Properties);
            foreach (var role in type.Roles)
            {
                Describe(writer, MemberTerm(type.Name, role.Name), Property, role.Name, role.Declaration.Description);
                writer.Triple(Domain, Statement);
                writer.Triple(Range, TypeTerm(role.Type));
                writer.EndSubject();
            }
        }
    }

    private void WriteProperties(RdfWriter writer, string typeName, RdfTerm domain, IEnumerable<PropertyInfo> properties)
    {
        foreach (var property in properties)
        {
            Describe(writer, MemberTerm(typeName, property.Name), Property, property.Name, property.Declaration.Description);
            writer.Triple(Domain, domain);
            writer.Triple(Range, RdfNames.XsdType(property.Type.Kind) is { } xsd ? RdfTerm.Iri(RdfSpace.Xsd, xsd) : TypeTerm(property.Type.EnumName!));
            writer.EndSubject();
        }
    }

    /// <summary>Starts the description of a schema term: its class, what it extends, its label and comment.</summary>
    private static void Describe(RdfWriter writer, RdfTerm term, RdfTerm kind, string name, string? description, (RdfTerm Predicate, RdfTerm Base)? extends = null)
    {
        writer.Subject(term);
        writer.Triple(Type, kind);
        if (extends is { } link)
        {
            writer.Triple(link.Predicate, link.Base);
        }

        writer.Triple(Label, Text(name));
        if (description is not null)
        {
            writer.Triple(Comment, Text(description));
        }
    }

    private void WriteEntities(RdfWriter writer)
    {
        // A generated class hands over its type's name as one string instance: the type of the last entity is most often the next one's.
        string? lastTypeName = null;
        RdfTerm[] types = [];
        Dictionary<string, Value> values = [];
        foreach (var entity in _graph.Entities)
        {
            var typeName = _graph.Values.Of(entity).TypeName;
            if (!ReferenceEquals(typeName, lastTypeName))
            {
                (types, values) = _entityTypes[typeName];
                lastTypeName = typeName;
            }

            writer.Subject(EntityTerm(entity));
            foreach (var type in types)
            {
                writer.Triple(Type, type);
            }

            WriteValues(writer, values, entity);
            writer.EndSubject();
        }
    }

    private void WriteFacts(RdfWriter writer)
    {
        string? lastTypeName = null;
        RdfTerm predicate = default;
        Dictionary<string, Value> values = [];
        Dictionary<string, RdfTerm> roles = [];
        foreach (var relation in _graph.Relations)
        {
            if (!ReferenceEquals(relation.TypeName, lastTypeName))
            {
                (predicate, values, roles) = _relationTypes[relation.TypeName];
                lastTypeName = relation.TypeName;
            }

            var from = EntityTerm(relation.From);
            var to = EntityTerm(relation.To);
            writer.Subject(from);
            writer.Triple(predicate, to);
            writer.EndSubject();

            // The n-ary relation pattern, on RDF's own reification vocabulary: only a fact with more to say has a node.
            var read = _graph.Values.Of(relation);
            if (read.Values.Count == 0 && read.Players.Count == 0 && relation.ValidFrom is null && relation.ValidTo is null && !CitesAny(relation))
            {
                continue;
            }

            writer.Subject(RdfTerm.Iri(RdfSpace.Fact, RdfNames.FactLocal(relation.Ordinal)));
            writer.Triple(Type, Statement);
            writer.Triple(Subject, from);
            writer.Triple(Predicate, predicate);
            writer.Triple(Object, to);
            WriteValues(writer, values, relation);
            foreach (var (role, player) in read.Players)
            {
                writer.Triple(roles[role], EntityTerm(player));
            }

            var cited = relation.Sources;
            for (var i = 0; i < cited.Count; i++)
            {
                if (_graph.Holds(cited[i]))
                {
                    writer.Triple(Source, EntityTerm(cited[i]));
                }
            }

            if (relation.ValidFrom is { } validFrom)
            {
                writer.Triple(ValidFrom, Date(validFrom));
            }

            if (relation.ValidTo is { } validTo)
            {
                writer.Triple(ValidThrough, Date(validTo));
            }

            writer.EndSubject();
        }
    }

    /// <summary>Whether the fact cites a source the export holds (<see cref="ExportedGraph.SourcesOf"/>, without its enumerator).</summary>
    private bool CitesAny(Relation relation)
    {
        var cited = relation.Sources;
        for (var i = 0; i < cited.Count; i++)
        {
            if (_graph.Holds(cited[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values last read into <see cref="ExportedGraph.Values"/>: a triple each, a list's items one by one.</summary>
    private void WriteValues(RdfWriter writer, Dictionary<string, Value> properties, GraphElement element)
    {
        foreach (var (name, text) in _graph.Values.Values)
        {
            var property = properties[name];
            writer.Triple(property.Predicate, property.Enum is { } values ? values[text] : Literal(text, property.Datatype, element));
        }
    }

    private static RdfTerm Date(PartialDate date) => RdfTerm.Literal(
        ElementValues.Lexical(date),
        date.Precision switch { DatePrecision.Year => "gYear", DatePrecision.Month => "gYearMonth", _ => "date" });

    private RdfTerm EntityTerm(Entity entity) => RdfTerm.Iri(RdfSpace.Graph, Segment(entity.Id, entity));

    /// <summary>
    /// <see cref="RdfNames.Segment"/>, the owner of the rule, with a vectorized look first at the usual id, which it
    /// returns as it is: ASCII that a segment keeps, not all dots.
    /// </summary>
    private string Segment(string id, Entity entity) =>
        id.AsSpan().IndexOfAnyExcept(s_keptAscii) < 0 && id.AsSpan().IndexOfAnyExcept('.') >= 0 ? id : RdfNames.Segment(Checked(id, entity));

    /// <summary>A name or description of the schema, which its files give as Unicode text.</summary>
    private static RdfTerm Text(string text) => RdfTerm.Literal(text);

    private RdfTerm Literal(string text, string? datatype, GraphElement element) => RdfTerm.Literal(Checked(text, element), datatype == "string" ? null : datatype);

    /// <summary>Text no UTF-8 file can hold, half of a surrogate pair, is refused (only an element made in code can hold it).</summary>
    private string Checked(string text, GraphElement? element)
    {
        var span = text.AsSpan();
        var at = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (at >= 0)
        {
            if (!char.IsHighSurrogate(span[at]) || at + 1 == span.Length || !char.IsLowSurrogate(span[at + 1]))
            {
                throw new InvalidOperationException(
                    $"The {(element is Entity entity ? $"entity '{entity.Id}'" : $"relation '{element}'")} holds a string with half of a surrogate pair, which is not Unicode text: {_graph.Target} cannot hold it.");
            }

            span = span[(at + 2)..];
            at = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        }

        return text;
    }

    private static RdfTerm TypeTerm(string name) => RdfTerm.Iri(RdfSpace.Schema, RdfNames.Segment(name));

    private static RdfTerm TypeTerm(EntityTypeInfo type) => TypeTerm(type.Name);

    private static RdfTerm TypeTerm(RelationTypeInfo type) => TypeTerm(type.Name);

    private static RdfTerm MemberTerm(string typeName, string memberName) => RdfTerm.Iri(RdfSpace.Schema, RdfNames.SchemaLocal(typeName, memberName));

    private Value ValueOf(string typeName, PropertyInfo property) => new(
        MemberTerm(typeName, property.Name),
        RdfNames.XsdType(property.Type.Kind),
        property.Type.EnumName is { } enumName ? _enumValues[enumName] : null);

    private static IEnumerable<T> Lineage<T>(IReadOnlyList<T> ancestors, T type) => ancestors.Reverse().Append(type);

    /// <summary>What the values of one property become: its predicate, and the datatype of its literals or its enum's values.</summary>
    private sealed record Value(RdfTerm Predicate, string? Datatype, Dictionary<string, RdfTerm>? Enum);
}

/// <summary>The schema's names with their IRIs after <c>{base}schema/</c>, for a syntax that lets a name stand for an IRI.</summary>
internal sealed record RdfVocabulary(IReadOnlyList<(string Name, string Local)> Terms);
