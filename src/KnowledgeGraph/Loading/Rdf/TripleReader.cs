using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Parsing;
using KnowledgeGraph.Language.Rdf;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// The inverse of <see cref="RdfMapping"/> (README, "Reading RDF back"): the entities and facts of a graph read from the
/// triples of its mapping, handed to the checker as the declarations the file parser makes of a <c>.kg.json</c> file,
/// so that the same rules judge them. An entity is an IRI under the base IRI with an <c>rdf:type</c> of the schema or a
/// property; a fact is a relation's direct triple, merged with the fact node (an <c>rdf:Statement</c>) of the same
/// three terms, or each of its nodes when facts share their ends. A literal's datatype says whether its value is a
/// number, a boolean or text, as JSON would; the property's type then checks it, as it checks a file's value.
/// </summary>
/// <remarks>
/// Ignored, as outside the mapping: the schema's own triples (under <c>{base}schema/</c>), subjects and predicates of
/// other namespaces, and <c>rdf:type</c>s of other vocabularies. A predicate under the base IRI that the schema does not
/// have is a mistake (KG0012 on an entity or fact, KG0006 as a relation). Every place is the triple: a location's
/// <see cref="LocationInfo.Start"/> is its index among the triples kept, its line the text's (<see cref="Quote"/>).
/// </remarks>
internal sealed class TripleReader
{
    private const string RdfType = RdfNames.Rdf + "type";
    private const string RdfSubject = RdfNames.Rdf + "subject";
    private const string RdfPredicate = RdfNames.Rdf + "predicate";
    private const string RdfObject = RdfNames.Rdf + "object";
    private const string DcSource = RdfNames.DcTerms + "source";
    private const string ValidFrom = RdfNames.SchemaOrg + "validFrom";
    private const string ValidThrough = RdfNames.SchemaOrg + "validThrough";

    private static readonly HashSet<string> NumericTypes = new(
        ["integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
            "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"],
        StringComparer.Ordinal);

    private readonly Schema _schema;
    private readonly string _name;
    private readonly IEnumerable<RdfTriple> _triples;
    private readonly CancellationToken _cancellationToken;
    private readonly string _base;
    private readonly string _schemaBase;
    private readonly string _factBase;

    private readonly Dictionary<string, EntityTypeInfo> _entityTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationTypeInfo> _relationTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Type, string Member)> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Enum, string Value)> _enumValues = new(StringComparer.Ordinal);

    // The triples of the mapping, in the order read; the rest are dropped as they stream.
    private readonly List<RdfTriple> _kept = [];
    private readonly List<Subject> _subjects = [];

    // Every subject met, classified once: null for one outside the mapping.
    private readonly Dictionary<RdfNode, Subject?> _subjectsByNode = [];

    /// <param name="schema">The graph's compiled schema, whose base IRI the triples' IRIs are under.</param>
    /// <param name="name">What diagnostics call the triples' text.</param>
    /// <param name="triples">The triples, read once, as they stream, when <see cref="Declare"/> is called.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public TripleReader(CompiledSchema schema, string name, IEnumerable<RdfTriple> triples, CancellationToken cancellationToken)
    {
        _schema = schema.Schema;
        _name = name;
        _triples = triples;
        _cancellationToken = cancellationToken;
        _base = schema.BaseIri;
        _schemaBase = _base + RdfNames.SchemaPath;
        _factBase = _base + RdfNames.FactPath;

        foreach (var type in _schema.Enums.Values)
        {
            foreach (var value in type.Declaration.Values)
            {
                _enumValues[RdfNames.Member(_base, type.Name, value.Value)] = (type.Name, value.Value);
            }
        }

        foreach (var type in _schema.EntityTypes.Values)
        {
            _entityTypes[RdfNames.Type(_base, type.Name)] = type;
            AddMembers(type.Name, type.Properties.Select(p => p.Name));
        }

        foreach (var type in _schema.RelationTypes.Values)
        {
            _relationTypes[RdfNames.Type(_base, type.Name)] = type;
            AddMembers(type.Name, type.Properties.Select(p => p.Name).Concat(type.Roles.Select(r => r.Name)));
        }

        void AddMembers(string typeName, IEnumerable<string> members)
        {
            foreach (var member in members)
            {
                _members[RdfNames.Member(_base, typeName, member)] = (typeName, member);
            }
        }
    }

    /// <summary>Reads the triples and hands their entities, then their facts, to <paramref name="sink"/>.</summary>
    /// <param name="sink">The checker.</param>
    /// <param name="reporter">Takes what only RDF can get wrong: an entity of no type or of two, a fact node without its three terms.</param>
    /// <exception cref="FormatException">The text of the triples is not N-Triples.</exception>
    public void Declare(IDeclarationSink sink, Reporter reporter)
    {
        foreach (var triple in _triples)
        {
            Keep(triple);
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var direct = new List<int>();
        foreach (var subject in _subjects.Where(s => !s.IsFactNode))
        {
            DeclareEntity(subject, sink, reporter, direct);
        }

        DeclareFacts(direct, sink, reporter);
    }

    /// <summary>The triple a diagnostic's location names, for its message.</summary>
    public string Quote(LocationInfo location) => $"(the triple {_kept[location.Start]})";

    private void Keep(RdfTriple triple)
    {
        if (!_subjectsByNode.TryGetValue(triple.Subject, out var group))
        {
            group = Classify(triple.Subject);
            _subjectsByNode.Add(triple.Subject, group);
        }

        var predicate = triple.Predicate.Value;
        var isMapped = group is not null && (group.IsFactNode
            ? predicate is RdfSubject or RdfPredicate or RdfObject or DcSource or ValidFrom or ValidThrough || predicate.StartsWith(_base, StringComparison.Ordinal)
            : predicate == RdfType
                ? triple.Object.IsIri && triple.Object.Value.StartsWith(_schemaBase, StringComparison.Ordinal)
                : predicate.StartsWith(_base, StringComparison.Ordinal));
        if (!isMapped)
        {
            return;
        }

        if (group!.Triples.Count == 0)
        {
            _subjects.Add(group);
        }

        group.Triples.Add(_kept.Count);
        _kept.Add(triple);
    }

    /// <summary>A fact node (blank, or under <c>{base}fact/</c>), an entity, or null for a subject outside the mapping (the schema's terms too).</summary>
    private Subject? Classify(RdfNode subject) =>
        subject.Kind == RdfNodeKind.BlankNode || subject.Value.StartsWith(_factBase, StringComparison.Ordinal) ? new Subject(subject, isFactNode: true)
        : subject.Value.StartsWith(_base, StringComparison.Ordinal) && !subject.Value.StartsWith(_schemaBase, StringComparison.Ordinal) && EntityId(subject.Value) is not null ? new Subject(subject, isFactNode: false)
        : null;

    private void DeclareEntity(Subject subject, IDeclarationSink sink, Reporter reporter, List<int> direct)
    {
        var types = new List<int>();
        var values = new List<int>();
        foreach (var index in subject.Triples)
        {
            var predicate = _kept[index].Predicate.Value;
            if (predicate == RdfType)
            {
                types.Add(index);
            }
            else if (_relationTypes.ContainsKey(predicate) || IsTypeTerm(predicate))
            {
                direct.Add(index);
            }
            else
            {
                values.Add(index);
            }
        }

        // An IRI that only starts facts is no entity here: its facts name it, and it must be declared elsewhere.
        if (types.Count == 0 && values.Count == 0)
        {
            return;
        }

        var id = EntityId(subject.Node.Value)!;
        var known = types.Where(t => _entityTypes.ContainsKey(_kept[t].Object.Value)).ToList();
        var chosen = known.FirstOrDefault(t => known.All(other => TypeAt(t).Is(TypeAt(other))), -1);
        Located? type = null;
        if (chosen >= 0)
        {
            type = new Located(TypeAt(chosen).Name, At(chosen));
        }
        else if (known.Count > 0)
        {
            var specific = known.Select(TypeAt).Where(t => !known.Any(other => TypeAt(other) != t && TypeAt(other).Is(t))).Distinct();
            reporter.Report(
                Descriptors.UnexpectedValue,
                At(known[0]),
                $"The rdf:types of entity '{id}'",
                "one entity type and the types it extends",
                string.Join(" and ", specific.Select(t => $"'{t.Name}'")));
        }
        else if (types.Count > 0)
        {
            // A class of the schema that is no entity type: the checker says so, as it would of a file's "type".
            type = new Located(Local(_kept[types[0]].Object.Value), At(types[0]));
        }
        else
        {
            reporter.Report(Descriptors.MissingKey, At(values[0]), $"Entity '{id}'", "type", $"an rdf:type triple naming its entity type, such as <{_schemaBase}…>");
        }

        var at = At(chosen >= 0 ? chosen : types.Count > 0 ? types[0] : values[0]);
        var typeInfo = chosen >= 0 ? TypeAt(chosen) : null;
        var lineage = typeInfo is null ? [] : typeInfo.Ancestors.Prepend(typeInfo).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var properties = typeInfo is null ? [] : _schema.ShapeOf(typeInfo).Properties;
        var declared = Group(values, lineage).Select(value => new ValueDeclaration(
            new Located(value.Name, At(value.Triples[0])),
            Value(value.Triples, properties.FirstOrDefault(p => p.Name == value.Name) is { } property && property.Type.IsList, index => PropertyValue(index, properties, value.Name))));
        sink.Entity(new EntityDeclaration(new Located(id, at), type, null, declared.ToEquatableArray()));

        EntityTypeInfo TypeAt(int index) => _entityTypes[_kept[index].Object.Value];
    }

    /// <summary>
    /// The facts in the order their triples came: each fact node, and each direct triple no node restates (once, as
    /// RDF holds a triple once).
    /// </summary>
    private void DeclareFacts(List<int> direct, IDeclarationSink sink, Reporter reporter)
    {
        var facts = new List<(int Position, RelationDeclaration Fact)>();
        var stated = new HashSet<(RdfNode, RdfNode, RdfNode)>();
        foreach (var node in _subjects.Where(s => s.IsFactNode))
        {
            if (FactOfNode(node, reporter) is { } fact)
            {
                facts.Add((node.Triples[0], fact.Declaration));
                stated.Add(fact.Key);
            }
        }

        foreach (var index in direct)
        {
            var triple = _kept[index];
            if (stated.Add((triple.Subject, triple.Predicate, triple.Object)))
            {
                var at = At(index);
                facts.Add((index, new RelationDeclaration(
                    at,
                    new Located(EndId(triple.Subject), at),
                    new Located(RelationName(triple.Predicate.Value), at),
                    new Located(EndId(triple.Object), at),
                    EquatableArray<ValueDeclaration>.Empty)));
            }
        }

        foreach (var (_, fact) in facts.OrderBy(f => f.Position))
        {
            sink.Relation(fact);
        }
    }

    /// <returns>The fact a node states, with the three terms of its direct triple; null for a node of no relation of the schema.</returns>
    private (RelationDeclaration Declaration, (RdfNode, RdfNode, RdfNode) Key)? FactOfNode(Subject node, Reporter reporter)
    {
        var ends = new Dictionary<string, List<int>>(StringComparer.Ordinal) { [RdfSubject] = [], [RdfPredicate] = [], [RdfObject] = [] };
        var values = new List<int>();
        foreach (var index in node.Triples)
        {
            if (ends.TryGetValue(_kept[index].Predicate.Value, out var end))
            {
                end.Add(index);
            }
            else
            {
                values.Add(index);
            }
        }

        // A statement about something else than the graph's relations is not the mapping's.
        var predicates = ends[RdfPredicate];
        if (predicates.Count == 0 || !predicates.All(p => _kept[p].Object.IsIri && _kept[p].Object.Value.StartsWith(_schemaBase, StringComparison.Ordinal)))
        {
            return null;
        }

        var valid = true;
        foreach (var (predicate, found) in ends)
        {
            var what = $"The fact node {node.Node}";
            var term = "rdf:" + predicate.Substring(RdfNames.Rdf.Length);
            if (found.Count == 0)
            {
                reporter.Report(Descriptors.MissingKey, At(node.Triples[0]), what, term, $"a fact node names its relation's {predicate.Substring(RdfNames.Rdf.Length)}");
                valid = false;
            }
            else if (found.Skip(1).Any(other => _kept[other].Object != _kept[found[0]].Object))
            {
                reporter.Report(Descriptors.UnexpectedValue, At(found[1]), $"The {term} of {what.Substring(4)}", "one term", $"{found.Count}");
                valid = false;
            }
        }

        if (!valid)
        {
            return null;
        }

        var (from, type, to) = (_kept[ends[RdfSubject][0]], _kept[predicates[0]], _kept[ends[RdfObject][0]]);
        var relationType = _relationTypes.GetValueOrDefault(type.Object.Value);
        var lineage = relationType is null ? [] : relationType.Ancestors.Prepend(relationType).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var shape = relationType is null ? null : _schema.ShapeOf(relationType);
        var declared = new List<ValueDeclaration>();
        foreach (var (name, triples) in Group(values, lineage))
        {
            var role = shape?.Roles.FirstOrDefault(r => r.Name == name);
            var property = shape?.Properties.FirstOrDefault(p => p.Name == name);
            var value = name switch
            {
                "source" => Value(triples, triples.Count > 1, EntityValue),
                "validFrom" or "validTo" => Value(triples, isList: false, TextValue),
                _ when role is not null => Value(triples, role.IsList, EntityValue),
                _ => Value(triples, property?.Type.IsList == true, index => PropertyValue(index, shape?.Properties ?? [], name)),
            };
            declared.Add(new ValueDeclaration(new Located(name, At(triples[0])), value));
        }

        var at = At(predicates[0]);
        var fact = new RelationDeclaration(
            at,
            new Located(EndId(from.Object), At(ends[RdfSubject][0])),
            new Located(RelationName(type.Object.Value), at),
            new Located(EndId(to.Object), At(ends[RdfObject][0])),
            declared.ToEquatableArray());
        return (fact, (from.Object, type.Object, to.Object));
    }

    /// <summary>
    /// The triples of values by the name of what they give, in the order each name came first: a member of the given
    /// type or a type it extends by its name, a fact node's vocabulary by the key a file gives it, any other predicate
    /// as <see cref="UnknownName"/> calls it, which the checker reports as no property of the type.
    /// </summary>
    private IEnumerable<(string Name, List<int> Triples)> Group(List<int> triples, HashSet<string> lineage)
    {
        var groups = new List<(string Name, List<int> Triples)>();
        foreach (var index in triples)
        {
            var predicate = _kept[index].Predicate.Value;
            var name = predicate switch
            {
                DcSource => "source",
                ValidFrom => "validFrom",
                ValidThrough => "validTo",
                _ when _members.TryGetValue(predicate, out var member) && lineage.Contains(member.Type) => member.Member,
                _ => UnknownName(predicate, lineage),
            };
            var group = groups.FindIndex(g => g.Name == name);
            if (group < 0)
            {
                groups.Add((name, [index]));
            }
            else
            {
                groups[group].Triples.Add(index);
            }
        }

        return groups;
    }

    /// <summary>What a predicate the schema lacks is called in messages: its member's name under the given type or one it extends, else its IRI.</summary>
    private string UnknownName(string predicate, HashSet<string> lineage)
    {
        var local = predicate.StartsWith(_schemaBase, StringComparison.Ordinal) ? predicate.Substring(_schemaBase.Length) : null;
        var slash = local?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && lineage.Contains(Uri.UnescapeDataString(local![..slash])) ? Uri.UnescapeDataString(local[(slash + 1)..]) : predicate;
    }

    /// <summary>A value as a file writes it: a list when the type takes one or more than one triple gives it (the checker then says a list is wrong).</summary>
    private FactValue Value(List<int> triples, bool isList, Func<int, FactValue> item) =>
        isList || triples.Count > 1
            ? new FactValue(FactValueKind.List, "", At(triples[0]), triples.Select(item).ToEquatableArray())
            : item(triples[0]);

    /// <summary>A property's value: an enum's value from its IRI; a literal as JSON would hold it.</summary>
    private FactValue PropertyValue(int index, IReadOnlyList<PropertyInfo> properties, string name)
    {
        var node = _kept[index].Object;
        if (!node.IsLiteral)
        {
            var isEnumValue = _enumValues.TryGetValue(node.Value, out var value)
                && properties.FirstOrDefault(p => p.Name == name)?.Type.EnumName == value.Enum;
            return Scalar(FactValueKind.String, isEnumValue ? value.Value : Text(node), index);
        }

        var datatype = node.Datatype is { } iri && iri.StartsWith(RdfNames.Xsd, StringComparison.Ordinal) ? iri.Substring(RdfNames.Xsd.Length) : null;
        if (datatype == "boolean" && node.Value is "true" or "1" or "false" or "0")
        {
            return Scalar(FactValueKind.Boolean, node.Value is "true" or "1" ? "true" : "false", index);
        }

        if (datatype is not null && NumericTypes.Contains(datatype))
        {
            var number = node.Value.StartsWith('+') ? node.Value.Substring(1) : node.Value;
            if (IsJsonNumber(number))
            {
                return Scalar(FactValueKind.Number, number, index);
            }
        }

        return Scalar(FactValueKind.String, node.Value, index);
    }

    /// <summary>An entity named as a source or in a role: its id, from its IRI.</summary>
    private FactValue EntityValue(int index) => Scalar(FactValueKind.String, EndId(_kept[index].Object), index);

    private FactValue TextValue(int index) => Scalar(FactValueKind.String, Text(_kept[index].Object), index);

    private FactValue Scalar(FactValueKind kind, string text, int index) => new(kind, text, At(index), EquatableArray<FactValue>.Empty);

    private static string Text(RdfNode node) => node.Kind == RdfNodeKind.BlankNode ? "_:" + node.Value : node.Value;

    /// <summary>The id an entity's IRI gives, or null when the IRI is no entity's of the mapping (<see cref="RdfNames.Entity"/>).</summary>
    private string? EntityId(string iri)
    {
        var local = iri.Substring(_base.Length);
        if (local.Length == 0 || local.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var id = Uri.UnescapeDataString(local);
        return RdfNames.Segment(id) == local ? id : null;
    }

    /// <summary>The id of a fact's end: the entity's, or the whole IRI or text, which the checker reports as no entity of the graph.</summary>
    private string EndId(RdfNode node) =>
        node.IsIri && node.Value.StartsWith(_base, StringComparison.Ordinal) && EntityId(node.Value) is { } id ? id : Text(node);

    private string RelationName(string iri) => _relationTypes.TryGetValue(iri, out var type) ? type.Name : Local(iri);

    /// <summary>A schema term's name from its IRI after <c>{base}schema/</c>; the whole IRI when it is not one.</summary>
    private string Local(string iri) =>
        iri.StartsWith(_schemaBase, StringComparison.Ordinal) ? Uri.UnescapeDataString(iri.Substring(_schemaBase.Length)) : iri;

    // A type's IRI is one segment after {base}schema/; a member's two.
    private bool IsTypeTerm(string iri) => iri.StartsWith(_schemaBase, StringComparison.Ordinal) && iri.IndexOf('/', _schemaBase.Length) < 0;

    private LocationInfo At(int index)
    {
        var line = _kept[index].Line - 1;
        return new LocationInfo(_name, index, 1, new TextPoint(line, 0), new TextPoint(line, 1));
    }

    /// <summary>JSON's number: what the file parser reads as one.</summary>
    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i < text.Length && text[i] == '0')
        {
            i++;
        }
        else if (!Digits())
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!Digits())
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (!Digits())
            {
                return false;
            }
        }

        return i == text.Length;

        bool Digits()
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            return i > start;
        }
    }

    /// <summary>The triples of one subject: an entity's IRI, or a fact node's.</summary>
    private sealed class Subject(RdfNode node, bool isFactNode)
    {
        public RdfNode Node { get; } = node;

        public bool IsFactNode { get; } = isFactNode;

        public List<int> Triples { get; } = [];
    }
}
