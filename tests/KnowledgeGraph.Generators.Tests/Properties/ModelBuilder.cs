using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using KnowledgeGraph.Generators.Emitting;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Language.Validation;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests.Properties;

/// <summary>CsCheck's generator of random valid models: every draw comes from the PCG it is given.</summary>
internal sealed class KgCaseGen : Gen<KgCase>
{
    public static readonly KgCaseGen Instance = new();

    public override KgCase Generate(PCG pcg, Size? min, out Size size)
    {
        var model = ModelBuilder.Build(new Draw(pcg));

        // Fewer declarations and facts first, then less text: CsCheck keeps the smallest failing model.
        size = new Size(model.ElementCount, new Size((ulong)model.ToString().Length));
        return model;
    }
}

/// <summary>
/// Builds one random model that is valid by the rules of the format, so that the generator must accept it
/// without a diagnostic: names that make distinct C# names, values of the right type that keep their
/// constraints, facts that keep cardinalities and are not repeated, and every entity mentioned by a fact.
/// </summary>
internal sealed class ModelBuilder
{
    private const int MaxEntities = 12;
    private const int MaxFacts = 30;

    private static readonly string[] Cardinalities = ["many-to-many", "many-to-one", "one-to-many", "one-to-one"];
    private static readonly string[] EntityKeys = ["id", "type", "description"];
    private static readonly string[] RelationKeys = ["from", "to", "type", "source", "validFrom", "validTo"];

    // A generated member must not hide what the runtime's base classes already have (a KG0017 by the format's rules).
    private static readonly Lazy<(HashSet<string> Entity, HashSet<string> Relation, HashSet<string> Graph)> Reserved = new(() =>
    (
        Inherited("KnowledgeGraph.Entity", ReservedMembers.Entity),
        Inherited("KnowledgeGraph.Relation`2", ReservedMembers.Relation),
        Inherited("KnowledgeGraph.Graph", ReservedMembers.Graph, "Default", "ToBuilder", "Builder")));

    private readonly Draw _d;
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphMembers = new(StringComparer.Ordinal);
    private readonly List<string> _allNames = [];
    private readonly List<EnumDecl> _enums = [];
    private readonly List<EntityTypeDecl> _entityTypes = [];
    private readonly List<RelationTypeDecl> _relationTypes = [];
    private readonly List<EntityDecl> _entities = [];
    private readonly List<FactDecl> _facts = [];
    private readonly Dictionary<PropDecl, int> _uniqueCounters = [];
    private string _graph = "";

    private ModelBuilder(Draw draw) => _d = draw;

    public static KgCase Build(Draw draw) => new ModelBuilder(draw).Build();

    private static HashSet<string> Inherited(string runtimeType, IEnumerable<string> reserved, params string[] generated)
    {
        var names = new HashSet<string>(reserved.Concat(generated), StringComparer.Ordinal);
        for (var type = GeneratorHarness.CreateCompilation().GetTypeByMetadataName(runtimeType); type is not null; type = type.BaseType)
        {
            names.UnionWith(type.GetMembers()
                .Where(member => member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
                .Select(member => member.Name));
        }

        return names;
    }

    private static string Pascal(string name) => Identifiers.ToPascalCase(name);

    private KgCase Build()
    {
        var ns = _d.Chance(70) ? _d.Pick(Texts.Namespaces) : null;
        _graph = NewName(NameKind.Type, name =>
        {
            var className = Pascal(name);
            return TypeNameFree(className) && TypeNameFree(GeneratedNames.TraversalClass(className))
                && (ModelOptions.TypeNamesLikeGeneratedMembers || !Reserved.Value.Graph.Contains(className));
        });
        var graphClass = Pascal(_graph);
        _typeNames.Add(graphClass);
        _typeNames.Add(GeneratedNames.TraversalClass(graphClass));
        _graphMembers.UnionWith(Reserved.Value.Graph);
        _graphMembers.Add(graphClass);

        BuildEnums();
        var anchor = BuildEntityTypes();
        BuildRelationTypes(anchor);
        BuildEntities(anchor);
        BuildFacts();
        MentionEveryEntity();

        // Declaration order must not matter: bases may come after the types that extend them.
        if (_d.Chance(50))
        {
            _d.Shuffle(_entityTypes);
        }

        if (_d.Chance(50))
        {
            _d.Shuffle(_relationTypes);
        }

        var files = _d.Int(2, 3);
        var sections = new[] { _enums.Count, _entityTypes.Count, _relationTypes.Count, _entities.Count, _facts.Count };
        var split = Enumerable.Range(0, files).Select(_ => new int[sections.Length]).ToArray();
        for (var section = 0; section < sections.Length; section++)
        {
            var cuts = Enumerable.Range(0, files - 1).Select(_ => _d.Int(0, sections[section])).OrderBy(cut => cut).Prepend(0).Append(sections[section]).ToList();
            for (var file = 0; file < files; file++)
            {
                split[file][section] = cuts[file + 1] - cuts[file];
            }
        }

        var namespaceIn = Enumerable.Range(0, files).Select(_ => _d.Chance(50)).ToArray();
        namespaceIn[_d.Int(0, files - 1)] = true;

        return new KgCase
        {
            Namespace = ns,
            Graph = _graph,
            ExpectedNamespace = Identifiers.ToNamespace(ns ?? "TestProject"),
            GraphClassName = graphClass,
            Enums = _enums,
            EntityTypes = _entityTypes,
            RelationTypes = _relationTypes,
            Entities = _entities,
            Facts = _facts,
            Style = new JsonStyle(_d.Chance(70), _d.Chance(40), _d.Chance(40), _d.Chance(20), _d.Chance(10), _d.Chance(20), _d.Chance(15)),
            Split = split,
            NamespaceIn = namespaceIn,
        };
    }

    // ---- names ----

    private enum NameKind { Type, Member, Id, EnumValue }

    /// <summary>A new name that <paramref name="isFree"/> accepts: plain, tricky, a case variant, or with a suffix.</summary>
    private string NewName(NameKind kind, Func<string, bool> isFree)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var name = Candidate(kind);
            if (attempt > 3)
            {
                name += _d.Pick([" ", "-", "_", ""]) + (_d.Chance(50) ? _d.Pick(Texts.Words) : _d.Int(2, 999).ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrWhiteSpace(name) && (kind != NameKind.Type || IsReferenceableTypeName(name)) && isFree(name))
            {
                _allNames.Add(name);
                return name;
            }
        }

        for (var n = 0; ; n++)
        {
            var name = (kind == NameKind.Type ? "Fallback" : "fallback") + Texts.Letters(n);
            if (isFree(name))
            {
                _allNames.Add(name);
                return name;
            }
        }
    }

    /// <summary>
    /// Type names are referred to from property and role types, which are trimmed and end in '?' or '[]':
    /// a name that does not survive that cannot be used, and a built-in type name would be taken for the built-in.
    /// </summary>
    private static bool IsReferenceableTypeName(string name) =>
        name == name.Trim() && !name.EndsWith('?') && !name.EndsWith(']') && !Texts.IsBuiltInType(name);

    private string Candidate(NameKind kind)
    {
        var roll = _d.Int(0, 99);
        if (roll < 30)
        {
            return _d.Pick(Texts.TrickyNames);
        }

        // A variant of a name already used: another case, or a soft hyphen inside (as text pasted from a web page has).
        if (roll < 35 && _allNames.Count > 0)
        {
            var other = _d.Pick(_allNames);
            return _d.Int(0, 3) switch
            {
                0 => other.ToUpperInvariant(),
                1 => other.ToLowerInvariant(),
                2 when ModelOptions.FormattingCharacters && _d.Int(1, Math.Max(1, other.Length - 1)) is var at && at < other.Length
                    && !char.IsSurrogate(other[at - 1]) && !char.IsSurrogate(other[at]) => other.Insert(at, "\u00AD"),
                _ => char.IsUpper(other[0]) ? char.ToLowerInvariant(other[0]) + other[1..] : char.ToUpperInvariant(other[0]) + other[1..],
            };
        }

        if (roll < 40 && kind == NameKind.Member)
        {
            var classes = _entityTypes.Select(t => t.Name).Concat(_relationTypes.Select(t => t.Name)).Concat(_enums.Select(e => e.Name))
                .Append(_graph).Append(_graph + " traversal").ToList();
            return _d.Pick(classes);
        }

        var first = _d.Pick(Texts.Words);
        var words = _d.Chance(40) ? [first, _d.Pick(Texts.Words)] : new[] { first };
        return kind == NameKind.Type
            ? string.Concat(words.Select(word => char.ToUpperInvariant(word[0]) + word[1..]))
            : _d.Chance(20) ? string.Join("-", words) : words[0] + string.Concat(words.Skip(1).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    /// <summary>A C# type name of the namespace not taken yet (hint names of generated files ignore case).</summary>
    private bool TypeNameFree(string className) =>
        ModelOptions.TypeNamesDifferingInCase
            ? !_typeNames.Contains(className)
            : !_typeNames.Contains(className, StringComparer.OrdinalIgnoreCase);

    /// <summary>A navigation becomes an extension method of the traversal class too.</summary>
    private bool NavigationFree(EntityTypeDecl owner, string member) =>
        EntityMemberFree(owner, member)
        && (ModelOptions.NavigationsNamedLikeTraversalClass || member != GeneratedNames.TraversalClass(Pascal(_graph)));

    private string? Description(int percent) => _d.Chance(percent) ? _d.Pick(Texts.Descriptions) : null;

    private bool EntityMemberFree(EntityTypeDecl owner, string member) =>
        !Reserved.Value.Entity.Contains(member)
        && member != owner.ClassName
        && !_entityTypes.Any(type => (type == owner || type.IsRelatedTo(owner)) && type.Members.Contains(member));

    private bool RelationMemberFree(RelationTypeDecl? parent, string className, string member) =>
        !Reserved.Value.Relation.Contains(member)
        && member != className
        && !(parent?.SelfAndAncestors().Any(type => type.ClassName == member || type.Members.Contains(member)) ?? false);

    // ---- schema ----

    private void BuildEnums()
    {
        var count = _d.Int(0, 2);
        for (var i = 0; i < count; i++)
        {
            var name = NewName(NameKind.Type, n => TypeNameFree(Pascal(n)));
            var type = new EnumDecl { Name = name, ClassName = Pascal(name), Description = Description(30), ObjectForm = _d.Chance(30) };
            _typeNames.Add(type.ClassName);
            var members = new HashSet<string>(StringComparer.Ordinal) { type.ClassName };
            var values = _d.Int(1, 4);
            for (var v = 0; v < values; v++)
            {
                var value = NewName(NameKind.EnumValue, n => !members.Contains(Pascal(n)));
                members.Add(Pascal(value));
                type.Values.Add(value);
            }

            _enums.Add(type);
        }
    }

    /// <returns>A type that is not abstract: it will have an entity, and the first relation type starts and ends at it.</returns>
    private EntityTypeDecl BuildEntityTypes()
    {
        var count = _d.Int(1, 5);
        for (var i = 0; i < count; i++)
        {
            var name = NewName(NameKind.Type, n => TypeNameFree(Pascal(n)) && (ModelOptions.TypeNamesLikeGeneratedMembers || !Reserved.Value.Entity.Contains(Pascal(n))));
            var type = new EntityTypeDecl
            {
                Name = name,
                ClassName = Pascal(name),
                Base = i > 0 && _d.Chance(45) ? _d.Pick(_entityTypes) : null,
                IsAbstract = _d.Chance(30),
                Description = Description(30),
            };
            _typeNames.Add(type.ClassName);
            _entityTypes.Add(type);
        }

        var concrete = _entityTypes.Where(type => !type.IsAbstract).ToList();
        if (concrete.Count == 0)
        {
            _entityTypes[^1].IsAbstract = false;
            concrete.Add(_entityTypes[^1]);
        }

        foreach (var type in _entityTypes)
        {
            var properties = _d.Int(0, 4);
            for (var i = 0; i < properties; i++)
            {
                var name = NewName(NameKind.Member, n => !EntityKeys.Contains(n) && EntityMemberFree(type, Pascal(n)));
                type.Members.Add(Pascal(name));
                type.Properties.Add(NewProperty(name, isEntityProperty: true));
            }
        }

        return _d.Pick(concrete);
    }

    private PropDecl NewProperty(string name, bool isEntityProperty)
    {
        var kinds = new List<ValueKind>
        {
            ValueKind.String, ValueKind.String, ValueKind.Int, ValueKind.Long, ValueKind.Double, ValueKind.Decimal,
            ValueKind.Bool, ValueKind.Date, ValueKind.DateTime, ValueKind.Uri,
        };
        if (_enums.Count > 0)
        {
            kinds.Add(ValueKind.Enum);
            kinds.Add(ValueKind.Enum);
        }

        var kind = _d.Pick(kinds);
        var enumType = kind == ValueKind.Enum ? _d.Pick(_enums) : null;
        var isList = _d.Chance(20);
        var isOptional = _d.Chance(isList ? 10 : 30);

        // unique and key: entity properties with one value that compares exactly; bool and enum run out of values, so
        // they stay optional and are left out once every value is taken.
        bool unique = false, key = false;
        if (isEntityProperty && !isList && kind != ValueKind.Double && _d.Chance(20))
        {
            if (kind is ValueKind.Bool or ValueKind.Enum)
            {
                unique = true;
                isOptional = true;
            }
            else if (!isOptional && _d.Chance(50))
            {
                key = true;
            }
            else
            {
                unique = true;
            }
        }

        PatternSpec? pattern = null;
        if (kind == ValueKind.String && _d.Chance(35))
        {
            pattern = _d.Pick(Texts.Patterns.Where(p => !(unique || key) || !p.Finite).ToList());
        }

        decimal? min = null, max = null;
        string? minText = null, maxText = null;
        if (kind is ValueKind.Int or ValueKind.Long or ValueKind.Double or ValueKind.Decimal && _d.Chance(35))
        {
            var low = (decimal)_d.Int(-100, 50);
            if (kind is ValueKind.Double or ValueKind.Decimal && _d.Chance(50))
            {
                low += 0.25m;
            }

            var high = low + _d.Int(unique || key ? 40 : 0, 200);
            var bounds = _d.Int(0, 4);
            if (bounds != 1)
            {
                min = low;
                minText = BoundText(low);
            }

            if (bounds != 2)
            {
                max = high;
                maxText = BoundText(high);
            }
        }

        int? minItems = isList && _d.Chance(30) ? _d.Int(0, 2) : null;
        var description = _d.Chance(25) ? _d.Pick(Texts.Descriptions) : null;
        var objectForm = unique || key || pattern is not null || minText is not null || maxText is not null || minItems is not null || description is not null || _d.Chance(20);
        var typeName = kind switch
        {
            ValueKind.Enum => enumType!.Name,
            ValueKind.DateTime => "datetime",
            _ => kind.ToString().ToLowerInvariant(),
        };
        var typeText = typeName + (isList ? "[]" : "") + (isOptional ? "?" : "");
        if (_d.Chance(5))
        {
            typeText = " " + typeText + "  ";
        }

        return new PropDecl
        {
            Name = name,
            MemberName = Pascal(name),
            Kind = kind,
            Enum = enumType,
            IsList = isList,
            IsOptional = isOptional,
            TypeText = typeText,
            ObjectForm = objectForm,
            Description = description,
            Unique = unique,
            Key = key,
            Pattern = pattern,
            Min = min,
            Max = max,
            MinText = minText,
            MaxText = maxText,
            MinItems = minItems,
        };
    }

    private string BoundText(decimal bound) => _d.Int(0, 3) switch
    {
        0 when bound == decimal.Truncate(bound) => bound.ToString("0.0", CultureInfo.InvariantCulture),
        1 when bound == decimal.Truncate(bound) && bound != 0 => ((double)bound).ToString("0.###E+0", CultureInfo.InvariantCulture),
        _ => bound.ToString(CultureInfo.InvariantCulture),
    };

    private void BuildRelationTypes(EntityTypeDecl anchor)
    {
        var count = _d.Int(1, 5);
        for (var i = 0; i < count; i++)
        {
            var parent = i > 0 && _d.Chance(30) ? _d.Pick(_relationTypes) : null;
            EntityTypeDecl? declaredFrom = null, declaredTo = null;
            EntityTypeDecl from, to;
            string? declaredCardinality = null;
            string cardinality;
            var symmetric = false;
            if (parent is not null)
            {
                // Ends narrow to the same type or one that extends it; a symmetric relation keeps both ends one type.
                if (parent.IsSymmetric)
                {
                    if (_d.Chance(50))
                    {
                        declaredFrom = declaredTo = _d.Pick(_entityTypes.Where(t => t.Is(parent.From)).ToList());
                    }
                }
                else
                {
                    declaredFrom = _d.Chance(50) ? _d.Pick(_entityTypes.Where(t => t.Is(parent.From)).ToList()) : null;
                    declaredTo = _d.Chance(50) ? _d.Pick(_entityTypes.Where(t => t.Is(parent.To)).ToList()) : null;
                }

                from = declaredFrom ?? parent.From;
                to = declaredTo ?? parent.To;
                cardinality = parent.Cardinality;
                if (!parent.IsSymmetric && parent.Cardinality != "one-to-one" && _d.Chance(30))
                {
                    // The same or a stricter cardinality: a fact of the subtype is a fact of the type it extends too.
                    cardinality = declaredCardinality = _d.Pick(Cardinalities.Where(c => parent.Cardinality == "many-to-many" || c == parent.Cardinality || c == "one-to-one").ToList());
                }
                else if (_d.Chance(15))
                {
                    declaredCardinality = cardinality;
                }
            }
            else
            {
                // The first relation type can always have a fact: between entities of the anchor type.
                from = i == 0 ? _d.Pick(anchor.SelfAndAncestors().ToList()) : _d.Pick(_entityTypes);
                to = i == 0 ? _d.Pick(anchor.SelfAndAncestors().ToList()) : _d.Pick(_entityTypes);
                declaredFrom = from;
                declaredTo = to;
                symmetric = from == to && _d.Chance(30);
                cardinality = "many-to-many";
                if (symmetric ? _d.Chance(50) : _d.Chance(60))
                {
                    cardinality = declaredCardinality = symmetric ? _d.Pick(["many-to-many", "one-to-one"]) : _d.Pick(Cardinalities);
                }
            }

            // Its class name is a type of the namespace, and its forward navigation a member of its start type.
            var name = NewName(NameKind.Member, n =>
            {
                var className = Pascal(n);
                return TypeNameFree(className)
                    && (ModelOptions.TypeNamesLikeGeneratedMembers || !Reserved.Value.Relation.Contains(className))
                    && EntityMemberFree(from, className)
                    && !(parent?.SelfAndAncestors().Any(type => type.Members.Contains(className)) ?? false);
            });
            var type = new RelationTypeDecl
            {
                Name = name,
                ClassName = Pascal(name),
                Base = parent,
                IsAbstract = i > 0 && _d.Chance(20),
                DeclaredFrom = declaredFrom,
                DeclaredTo = declaredTo,
                From = from,
                To = to,
                DeclaredCardinality = declaredCardinality,
                Cardinality = cardinality,
                DeclaresSymmetric = symmetric,
                IsSymmetric = symmetric || (parent?.IsSymmetric ?? false),
                Description = Description(30),
            };
            _typeNames.Add(type.ClassName);
            from.Members.Add(type.ClassName);
            from.Navigations.Add(type.ClassName);

            if (!type.IsSymmetric && _d.Chance(50))
            {
                type.Inverse = NewName(NameKind.Member, n => NavigationFree(to, Pascal(n)));
                to.Members.Add(Pascal(type.Inverse));
                to.Navigations.Add(Pascal(type.Inverse));
            }

            var properties = _d.Int(0, 3);
            for (var p = 0; p < properties; p++)
            {
                var propertyName = NewName(NameKind.Member, n => !RelationKeys.Contains(n) && RelationMemberFree(parent, type.ClassName, Pascal(n)) && !type.Members.Contains(Pascal(n)));
                type.Members.Add(Pascal(propertyName));
                type.Properties.Add(NewProperty(propertyName, isEntityProperty: false));
            }

            var roles = _d.Int(0, 2);
            for (var r = 0; r < roles; r++)
            {
                var player = _d.Pick(_entityTypes);
                var withInverse = _d.Chance(30);
                var roleName = NewName(NameKind.Member, n =>
                    !RelationKeys.Contains(n)
                    && RelationMemberFree(parent, type.ClassName, Pascal(n))
                    && !type.Members.Contains(Pascal(n))
                    && (withInverse || NavigationFree(player, Pascal($"{name} as {n}"))));
                var inverse = withInverse ? NewName(NameKind.Member, n => NavigationFree(player, Pascal(n))) : null;
                var navigation = Pascal(inverse ?? $"{name} as {roleName}");
                player.Members.Add(navigation);
                player.Navigations.Add(navigation);
                type.Members.Add(Pascal(roleName));
                type.Roles.Add(new RoleDecl
                {
                    Name = roleName,
                    MemberName = Pascal(roleName),
                    Type = player,
                    Kind = i == 0 ? _d.Pick([RoleKind.Optional, RoleKind.List]) : _d.Pick([RoleKind.Required, RoleKind.Optional, RoleKind.List]),
                    Inverse = inverse,
                    Description = Description(20),
                    ObjectForm = _d.Chance(20),
                });
            }

            _relationTypes.Add(type);
        }
    }

    // ---- facts ----

    private void BuildEntities(EntityTypeDecl anchor)
    {
        foreach (var type in _entityTypes.Where(type => !type.IsAbstract))
        {
            var count = _d.Int(type == anchor ? 1 : 0, 3);
            for (var i = 0; i < count && (_entities.Count < MaxEntities || type == anchor); i++)
            {
                var id = NewName(NameKind.Id, n => !_graphMembers.Contains(Pascal(n)));
                _graphMembers.Add(Pascal(id));
                var entity = new EntityDecl { Id = id, MemberName = Pascal(id), Type = type, Description = Description(20) };
                entity.Members.Add(("type", new JsonString(type.Name)));
                if (entity.Description is { } description)
                {
                    entity.Members.Add(("description", new JsonString(description)));
                }

                foreach (var property in type.AllProperties())
                {
                    int? index = null;
                    if (property.Unique || property.Key)
                    {
                        _uniqueCounters.TryGetValue(property, out var next);
                        _uniqueCounters[property] = next + 1;
                        index = next;
                    }

                    if (Value(property, index) is { } value)
                    {
                        entity.Members.Add((property.Name, value));
                    }
                }

                if (_d.Chance(30))
                {
                    _d.Shuffle(entity.Members);
                }

                _entities.Add(entity);
            }
        }

        _d.Shuffle(_entities);
    }

    /// <returns>The value to write for the property, or null to leave it out.</returns>
    private Json? Value(PropDecl property, int? uniqueIndex)
    {
        if (!property.MustBeGiven)
        {
            var roll = _d.Int(0, 9);
            if (roll < 3)
            {
                return null;
            }

            if (roll == 3)
            {
                return JsonToken.Null;
            }
        }

        if (property.IsList)
        {
            var least = property.MinItems ?? 0;
            return new JsonArray(Enumerable.Range(0, _d.Int(least, least + 3)).Select(_ => Scalar(property, null)).ToList());
        }

        // Bool and enum unique values run out: the property is optional then, and the entity goes without.
        if (uniqueIndex is { } n && property.Kind is ValueKind.Bool or ValueKind.Enum)
        {
            var domain = property.Kind == ValueKind.Bool ? ["true", "false"] : property.Enum!.Values;
            return n < domain.Count
                ? property.Kind == ValueKind.Bool ? new JsonToken(domain[n]) : new JsonString(domain[n])
                : null;
        }

        return Scalar(property, uniqueIndex);
    }

    private Json Scalar(PropDecl property, int? uniqueIndex)
    {
        var n = uniqueIndex ?? -1;
        switch (property.Kind)
        {
            case ValueKind.String:
                if (property.Pattern is { } pattern)
                {
                    return new JsonString(pattern.Make(n, _d));
                }

                var text = _d.Pick(Texts.Strings);
                return new JsonString(n < 0 ? text : $"{text} #{n}");
            case ValueKind.Int:
            case ValueKind.Long:
                if (property.Min is not null || property.Max is not null)
                {
                    var low = (long)decimal.Ceiling(property.Min ?? (property.Max!.Value - 200));
                    var high = (long)decimal.Floor(property.Max ?? (low + 200));
                    return new JsonToken((n >= 0 ? low + n : _d.Long(low, high)).ToString(CultureInfo.InvariantCulture));
                }

                if (n >= 0)
                {
                    return new JsonToken(property.Kind == ValueKind.Int
                        ? (n * 7 - 3).ToString(CultureInfo.InvariantCulture)
                        : (9007199254740993L + n).ToString(CultureInfo.InvariantCulture));
                }

                return new JsonToken(_d.Pick(property.Kind == ValueKind.Int ? Texts.Ints : Texts.Longs));
            case ValueKind.Double:
            case ValueKind.Decimal:
                if (property.Min is not null || property.Max is not null)
                {
                    var low = property.Min ?? property.Max!.Value - 100;
                    var high = property.Max ?? low + 100;
                    var value = n >= 0 ? low + n : low + ((high - low) * _d.Int(0, 8) / 8);
                    return new JsonToken(value.ToString(CultureInfo.InvariantCulture));
                }

                if (n >= 0)
                {
                    return new JsonToken(n.ToString(CultureInfo.InvariantCulture) + ".5");
                }

                return new JsonToken(_d.Pick(property.Kind == ValueKind.Double ? Texts.Doubles : Texts.Decimals));
            case ValueKind.Bool:
                return new JsonToken(_d.Chance(50) ? "true" : "false");
            case ValueKind.Date:
                return new JsonString(n >= 0
                    ? new DateOnly(2000, 1, 1).AddDays(n * 37).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : _d.Chance(50) ? _d.Pick(Texts.Dates) : new DateOnly(_d.Int(1000, 2999), _d.Int(1, 12), _d.Int(1, 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case ValueKind.DateTime:
                return new JsonString(n >= 0
                    ? new DateTimeOffset(2025, 2, 12, 14, 30, 0, TimeSpan.Zero).AddMinutes(n * 61).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    : _d.Pick(Texts.DateTimes));
            case ValueKind.Uri:
                return new JsonString(n >= 0 ? $"https://example.org/items/{n}?q=\"a\"&b=c" : _d.Pick(Texts.Uris));
            default:
                return new JsonString(_d.Pick(property.Enum!.Values));
        }
    }

    private void BuildFacts()
    {
        var singleEnds = new HashSet<(RelationTypeDecl Type, bool Forward, EntityDecl Entity)>();
        var pairs = new HashSet<(RelationTypeDecl Type, EntityDecl From, EntityDecl To)>();
        var concrete = _relationTypes.Where(type => !type.IsAbstract).ToList();
        var attempts = _d.Int(1, MaxFacts);
        for (var attempt = 0; attempt < attempts && _facts.Count < MaxFacts; attempt++)
        {
            var type = attempt == 0 ? _relationTypes[0] : _d.Pick(concrete);
            var starts = _entities.Where(e => e.Type.Is(type.From)).ToList();
            var ends = _entities.Where(e => e.Type.Is(type.To)).ToList();
            if (starts.Count == 0 || ends.Count == 0)
            {
                continue;
            }

            var from = _d.Pick(starts);
            var to = _d.Chance(10) || ends.All(e => e == from) ? _d.Pick(ends) : _d.Pick(ends.Where(e => e != from).ToList());

            // One fact per relation type and pair of ends (either way round when symmetric).
            var pair = type.IsSymmetric && string.CompareOrdinal(from.MemberName, to.MemberName) > 0 ? (type, to, from) : (type, from, to);
            if (pairs.Contains(pair))
            {
                continue;
            }

            // A fact of a type is a fact of every type it extends: it counts against their cardinalities too.
            var keys = new List<(RelationTypeDecl, bool, EntityDecl)>();
            foreach (var level in type.SelfAndAncestors())
            {
                if (level.IsSymmetric)
                {
                    if (level.IsSingleForward)
                    {
                        keys.Add((level, true, from));
                        keys.Add((level, true, to));
                    }
                }
                else
                {
                    if (level.IsSingleForward)
                    {
                        keys.Add((level, true, from));
                    }

                    if (level.IsSingleInverse)
                    {
                        keys.Add((level, false, to));
                    }
                }
            }

            if (keys.Any(singleEnds.Contains))
            {
                continue;
            }

            var fact = new FactDecl { From = from, Type = type, To = to, PreferArray = _d.Chance(50) };
            if (!AddRoles(fact))
            {
                continue;
            }

            foreach (var property in type.AllProperties())
            {
                if (Value(property, null) is { } value)
                {
                    fact.Members.Add((property.Name, value));
                }
            }

            AddValidity(fact);
            if (_d.Chance(25))
            {
                fact.Sources.AddRange(_entities.OrderBy(_ => _d.Int(0, 1000)).Take(_d.Int(1, 2)));
            }

            Arrange(fact);
            singleEnds.UnionWith(keys);
            pairs.Add(pair);
            _facts.Add(fact);
        }

        foreach (var fact in _facts.ToList())
        {
            // The same fact again from another source: one fact with more sources, not a repeat.
            if (_d.Chance(8) && _entities.Where(e => !fact.Sources.Contains(e)).ToList() is { Count: > 0 } others)
            {
                var swap = fact.Type.IsSymmetric && _d.Chance(50);
                var again = fact.CopyWith(swap ? fact.To : fact.From, swap ? fact.From : fact.To);
                again.Sources.Add(_d.Pick(others));
                if (_d.Chance(50))
                {
                    again.Sources.AddRange(fact.Sources);
                }

                Arrange(again);
                _facts.Insert(_d.Int(_facts.IndexOf(fact) + 1, _facts.Count), again);
            }

            // Another fact between the same ends at another time, where the cardinality allows it.
            else if (_d.Chance(5) && fact.Type.SelfAndAncestors().All(level => level.Cardinality == "many-to-many"))
            {
                var again = fact.CopyWith(fact.From, fact.To);
                again.Members.RemoveAll(member => member.Key is "validFrom" or "validTo");
                again.Members.Add(("validFrom", new JsonString((1000 + _facts.Count).ToString(CultureInfo.InvariantCulture))));
                Arrange(again);
                _facts.Insert(_d.Int(0, _facts.Count), again);
            }
        }
    }

    /// <returns>False when a required role has no entity to play it.</returns>
    private bool AddRoles(FactDecl fact)
    {
        foreach (var role in fact.Type.AllRoles())
        {
            var players = _entities.Where(e => e.Type.Is(role.Type)).ToList();
            switch (role.Kind)
            {
                case RoleKind.Required:
                    if (players.Count == 0)
                    {
                        return false;
                    }

                    var player = _d.Pick(players);
                    fact.RolePlayers.Add(player);
                    fact.Members.Add((role.Name, new JsonString(player.Id)));
                    break;
                case RoleKind.Optional:
                    var roll = _d.Int(0, 9);
                    if (roll < 3 || players.Count == 0)
                    {
                        if (roll == 0)
                        {
                            fact.Members.Add((role.Name, JsonToken.Null));
                        }

                        break;
                    }

                    var optional = _d.Pick(players);
                    fact.RolePlayers.Add(optional);
                    fact.Members.Add((role.Name, new JsonString(optional.Id)));
                    break;
                default:
                    if (_d.Chance(30))
                    {
                        break;
                    }

                    var chosen = players.OrderBy(_ => _d.Int(0, 1000)).Take(_d.Int(0, 3)).ToList();
                    fact.RolePlayers.AddRange(chosen);
                    fact.Members.Add((role.Name, new JsonArray(chosen.Select(e => (Json)new JsonString(e.Id)).ToList())));
                    break;
            }
        }

        return true;
    }

    private void AddValidity(FactDecl fact)
    {
        var start = _d.Int(2000, 2050);
        if (_d.Chance(25))
        {
            fact.Members.Add(("validFrom", new JsonString(PartialDate(start, 1, 1))));
        }
        else if (_d.Chance(5))
        {
            fact.Members.Add(("validFrom", JsonToken.Null));
        }

        if (_d.Chance(15))
        {
            fact.Members.Add(("validTo", new JsonString(PartialDate(start + _d.Int(1, 20), 12, 28))));
        }
    }

    private string PartialDate(int year, int month, int day) => _d.Int(0, 2) switch
    {
        0 => year.ToString(CultureInfo.InvariantCulture),
        1 => $"{year:0000}-{month:00}",
        _ => $"{year:0000}-{month:00}-{day:00}",
    };

    /// <summary>Where the fact's keys go: from/type/to and source anywhere among the values.</summary>
    private void Arrange(FactDecl fact)
    {
        if (_d.Chance(30))
        {
            _d.Shuffle(fact.Members);
        }

        fact.SourcePosition = _d.Int(0, fact.Members.Count);
        fact.SourceAsString = _d.Chance(50);
        fact.EndPositions = _d.Chance(30) ? [_d.Int(0, 5), _d.Int(0, 5), _d.Int(0, 5)] : [0, 1, 2];
    }

    /// <summary>Every entity is mentioned by a fact (an entity no fact mentions is a KG0025 warning): the rest become sources.</summary>
    private void MentionEveryEntity()
    {
        var mentioned = _facts.SelectMany(fact => fact.Mentions()).ToHashSet();
        foreach (var entity in _entities.Where(e => !mentioned.Contains(e)))
        {
            _d.Pick(_facts).Sources.Add(entity);
        }
    }
}
