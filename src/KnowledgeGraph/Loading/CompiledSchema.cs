using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Language.Parsing;
using KnowledgeGraph.Language.Rdf;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// The schema a generated graph class compiled in, resolved by the generator's own resolver: what files loaded at run
/// time are checked against, and what a type they declare again must read as.
/// </summary>
internal sealed class CompiledSchema
{
    private readonly Dictionary<string, string> _enums;
    private readonly Dictionary<string, string> _entityTypes;
    private readonly Dictionary<string, string> _relationTypes;
    private readonly Dictionary<string, EntityTypeModel> _entityModels;
    private readonly Dictionary<string, RelationTypeModel> _relationModels;

    /// <summary>What the places in the compiled schema are in: no file the loader reads.</summary>
    public const string Path = "(compiled schema)";

    /// <param name="json">The schema as the generator compiled it in.</param>
    /// <param name="classNamespace">The namespace of the graph class, for messages when the files leave it to the project.</param>
    public CompiledSchema(byte[] json, string classNamespace)
    {
        var file = FileParser.Parse(JsonSource.FromBytes(Path, json, CancellationToken.None), Path, new DeclarationList(), CancellationToken.None);
        if (file.Diagnostics.Count > 0 || file.Graph is null)
        {
            throw new InvalidOperationException("The schema compiled into the graph class cannot be read: the generated code and the runtime come from different versions of the package.");
        }

        GraphName = file.Graph.Value;
        DeclaredNamespace = file.Namespace?.Value;
        BaseIri = file.BaseIri?.Value ?? RdfNames.DefaultBase(GraphName);
        ClassNamespace = classNamespace;
        var reporter = new Reporter([]);
        var typeNames = new NameScope(reporter, $"namespace '{classNamespace}'", MetadataName.TypeIn(classNamespace));
        Schema = SchemaResolver.Resolve(GraphName, [file], typeNames, GeneratedNames.TraversalClass(Identifiers.ToPascalCase(GraphName)), reporter, CancellationToken.None);
        _enums = file.Enums.ToDictionary(e => e.Name.Value, SchemaJson.Of, StringComparer.Ordinal);
        _entityTypes = file.EntityTypes.ToDictionary(t => t.Name.Value, SchemaJson.Of, StringComparer.Ordinal);
        _relationTypes = file.RelationTypes.ToDictionary(t => t.Name.Value, SchemaJson.Of, StringComparer.Ordinal);
        _entityModels = Schema.EntityTypes.Values.ToDictionary(type => type.Name, type => type.ToModel(), StringComparer.Ordinal);
        _relationModels = Schema.RelationTypes.Values.ToDictionary(type => type.Name, type => type.ToModel(), StringComparer.Ordinal);
    }

    public string GraphName { get; }

    /// <summary>The namespace the project's files give, or null when they leave it to the project.</summary>
    public string? DeclaredNamespace { get; }

    /// <summary>The base IRI of the graph's RDF mapping: the one its files give, or <c>urn:kg:{graph}:</c>.</summary>
    public string BaseIri { get; }

    /// <summary>The C# namespace of the graph's classes.</summary>
    public string ClassNamespace { get; }

    public Schema Schema { get; }

    public EntityTypeModel EntityType(string name) => _entityModels[name];

    public RelationTypeModel RelationType(string name) => _relationModels[name];

    /// <summary>
    /// The keys at which a fact counts for the cardinality of its type and of every type it extends, by the generator's
    /// own description of the rule (KG0016): a second fact with one of the same keys breaks it.
    /// </summary>
    public IEnumerable<(string Relation, bool Forward, Entity Entity)> SingleEnds(Relation relation) =>
        Schema.RelationTypes.TryGetValue(relation.TypeName, out var type)
            ? Schema.ShapeOf(type).SingleEnds.Select(end => (end.Counted.Name, end.Forward, end.AtTarget ? relation.To : relation.From))
            : [];

    /// <summary>KG0016's message for a second fact at a key of <see cref="SingleEnds"/>.</summary>
    public string CardinalityBreach((string Relation, bool Forward, Entity Entity) key)
    {
        var counted = Schema.RelationTypes[key.Relation];
        return string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            Language.Diagnostics.Descriptors.CardinalityBreach.MessageFormat,
            counted.Name,
            counted.Cardinality,
            FactShape.OneAtMost(counted, key.Forward, key.Entity.Id));
    }

    /// <summary>Reports what a file declares of a schema beyond what was compiled, or otherwise.</summary>
    public void Compare(ParsedFile file, Reporter reporter)
    {
        foreach (var declaration in file.Enums)
        {
            Compare("Enum", declaration.Name, SchemaJson.Of(declaration), _enums, reporter);
        }

        foreach (var declaration in file.EntityTypes)
        {
            Compare("Entity type", declaration.Name, SchemaJson.Of(declaration), _entityTypes, reporter);
        }

        foreach (var declaration in file.RelationTypes)
        {
            Compare("Relation type", declaration.Name, SchemaJson.Of(declaration), _relationTypes, reporter);
        }
    }

    private void Compare(string kind, Located name, string declared, Dictionary<string, string> compiled, Reporter reporter)
    {
        if (!compiled.TryGetValue(name.Value, out var json))
        {
            reporter.Report(Language.Diagnostics.Descriptors.SchemaChanged, name.Location, $"{kind} '{name.Value}'", "is not in", GraphName);
        }
        else if (json != declared)
        {
            reporter.Report(Language.Diagnostics.Descriptors.SchemaChanged, name.Location, $"{kind} '{name.Value}'", "is declared otherwise than in", GraphName);
        }
    }
}
