using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;

namespace KnowledgeGraph.Language.Validation;

/// <summary>
/// Resolves the schema of one graph from its files: enums, entity types and relation types, their inheritance,
/// properties, constraints and roles, then their names in C# (<c>SchemaResolver.Naming.cs</c>).
/// </summary>
/// <remarks>A type with a mistake is reported once and marked broken; so is every type that builds on it.</remarks>
internal sealed partial class SchemaResolver
{
    private static readonly string[] Cardinalities = ["many-to-many", "many-to-one", "one-to-many", "one-to-one"];

    // Keys every relation fact has; no property or role may take their names.
    private static readonly string[] RelationKeys = ["from", "to", "type", "source", "validFrom", "validTo"];

    /// <summary>
    /// The most types one type may extend, one through another (KG0027). .NET loads a class's base classes
    /// recursively, about 2.5 KB of stack a level as measured: 400 levels fit in a 1 MB stack and 450 do not,
    /// 100 fit in 256 KB and 150 do not. 64 levels take about 160 KB, well inside a default stack of 256 KB or more.
    /// </summary>
    internal const int MaxInheritanceDepth = 64;

    private readonly string _graphName;
    private readonly IReadOnlyList<ParsedFile> _files;
    private readonly string _traversalClassName;
    private readonly Reporter _reporter;
    private readonly CancellationToken _cancellationToken;

    private readonly Dictionary<string, EnumInfo> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityTypeInfo> _entityTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationTypeInfo> _relationTypes = new(StringComparer.Ordinal);

    private SchemaResolver(string graphName, IReadOnlyList<ParsedFile> files, string traversalClassName, Reporter reporter, CancellationToken cancellationToken)
    {
        _graphName = graphName;
        _files = files;
        _traversalClassName = traversalClassName;
        _reporter = reporter;
        _cancellationToken = cancellationToken;
    }

    /// <param name="typeNames">The C# type names of the graph's namespace, which its enums and types claim.</param>
    /// <param name="traversalClassName">The graph's traversal class, which no navigation may be named like.</param>
    public static Schema Resolve(
        string graphName,
        IReadOnlyList<ParsedFile> files,
        NameScope typeNames,
        string traversalClassName,
        Reporter reporter,
        CancellationToken cancellationToken)
    {
        var resolver = new SchemaResolver(graphName, files, traversalClassName, reporter, cancellationToken);
        resolver.CollectEnums(typeNames);
        resolver.CollectEntityTypes();
        resolver.CollectRelationTypes();
        resolver.NameTypes(typeNames);
        resolver.NameMembers();
        return new Schema(graphName, resolver._enums, resolver._entityTypes, resolver._relationTypes);
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _reporter.Report(descriptor, location, arguments);

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additionalLocation, params string[] arguments) =>
        _reporter.Report(descriptor, location, additionalLocation, arguments);

    /// <summary>Collects and names the enums first: property types refer to them by their C# names.</summary>
    private void CollectEnums(NameScope typeNames)
    {
        var order = 0;
        foreach (var declaration in _files.SelectMany(file => file.Enums))
        {
            if (_enums.TryGetValue(declaration.Name.Value, out var earlier))
            {
                Report(Descriptors.Duplicate, declaration.Name.Location, earlier.Declaration.Name.Location, "Enum", declaration.Name.Value);
                continue;
            }

            var info = new EnumInfo(declaration, order++) { ClassName = Identifiers.ToPascalCase(declaration.Name.Value) };
            _enums.Add(declaration.Name.Value, info);
            info.IsBroken = declaration.Values.Count == 0 | !typeNames.Claim(info.ClassName, $"Enum '{info.Name}'", declaration.Name.Location, GeneratedNames.EnumReader(info.ClassName));
            var members = new NameScope(_reporter, $"enum '{info.Name}'", MetadataName.Method);
            members.Reserve(info.ClassName, $"the name of the enum itself");
            foreach (var value in declaration.Values)
            {
                var memberName = Identifiers.ToPascalCase(value.Value);
                if (info.Values.Any(existing => existing.SchemaName == value.Value))
                {
                    Report(Descriptors.Duplicate, value.Location, declaration.Values.First(v => v.Value == value.Value).Location, "The enum value", value.Value);
                    info.IsBroken = true;
                }
                else if (members.Claim(memberName, $"Enum value '{value.Value}'", value.Location))
                {
                    info.Values.Add(new EnumValueModel(value.Value, memberName));
                }
                else
                {
                    info.IsBroken = true;
                }
            }
        }
    }

    private void CollectEntityTypes()
    {
        CollectTypes(
            _files.SelectMany(file => file.EntityTypes),
            _entityTypes,
            (declaration, order) => new EntityTypeInfo(declaration, order) { IsBroken = !declaration.IsValid },
            "Entity type",
            Descriptors.UnknownEntityType);

        // A type deeper than the limit is left out unchecked: one diagnostic (KG0027) stands for its whole chain.
        foreach (var type in _entityTypes.Values.Where(type => type.Depth <= MaxInheritanceDepth))
        {
            type.IsBroken |= BuildsOnBroken(type);
            foreach (var property in type.Declaration.Properties)
            {
                if (property.Name.Value is "id" or "type" or "description")
                {
                    Report(Descriptors.ReservedName, property.Name.Location, property.Name.Value, "entity types: it is a key of every entity");
                    type.Ignored.Add(property.Name.Value);
                }
                else if (CheckProperty(property, isEntityProperty: true) is { } checkedProperty)
                {
                    type.Properties.Add(checkedProperty);
                }
                else
                {
                    type.Ignored.Add(property.Name.Value);
                }
            }
        }
    }

    private void CollectRelationTypes()
    {
        CollectTypes(
            _files.SelectMany(file => file.RelationTypes),
            _relationTypes,
            (declaration, order) => new RelationTypeInfo(declaration, order) { IsBroken = !declaration.IsValid },
            "Relation type",
            Descriptors.UnknownRelationType);

        // Base types first, so that what a type inherits is settled before it is checked; one deeper than the limit
        // is left out unchecked.
        foreach (var type in _relationTypes.Values.Where(type => type.Depth <= MaxInheritanceDepth).OrderBy(type => type.Depth).ThenBy(type => type.Order))
        {
            CheckRelationType(type);
        }

        foreach (var type in _relationTypes.Values)
        {
            if (type.Base is { } parent)
            {
                parent.HasSubtypes = true;
            }
        }
    }

    /// <summary>
    /// The one rule for what a type breaks with: the types it extends, and for a relation type its ends and the types
    /// of its roles. Asked again after each step that can break a type; inheritance is at most 64 levels deep.
    /// </summary>
    private static bool BuildsOnBroken(EntityTypeInfo type) => type.Ancestors.Any(ancestor => ancestor.IsBroken);

    /// <inheritdoc cref="BuildsOnBroken(EntityTypeInfo)"/>
    private static bool BuildsOnBroken(RelationTypeInfo type) =>
        type.Ancestors.Any(ancestor => ancestor.IsBroken)
        || type.From is { IsBroken: true }
        || type.To is { IsBroken: true }
        || type.Roles.Any(role => role.Type.IsBroken);

    private void CheckRelationType(RelationTypeInfo type)
    {
        var declaration = type.Declaration;
        var parent = type.Base;
        type.From = ResolveEnd(type, "from", declaration.From, parent?.From);
        type.To = ResolveEnd(type, "to", declaration.To, parent?.To);
        type.IsBroken |= type.From is null || type.To is null || BuildsOnBroken(type);

        type.Cardinality = parent?.Cardinality ?? type.Cardinality;
        if (declaration.Cardinality is { } cardinality)
        {
            if (Cardinalities.Contains(cardinality.Value))
            {
                type.Cardinality = cardinality.Value;
            }
            else
            {
                Report(Descriptors.UnexpectedValue, cardinality.Location, "'cardinality'", "one of " + string.Join(", ", Cardinalities), $"'{cardinality.Value}'");
            }
        }

        type.IsSymmetric = declaration.Symmetric is not null || (parent?.IsSymmetric ?? false);
        if (declaration.Symmetric is { } symmetric && !type.IsBroken)
        {
            // A symmetric fact reads the same both ways, so both ends are one type and one name serves both.
            if (type.From != type.To)
            {
                Report(Descriptors.InvalidSchemaOption, symmetric.Location, $"Relation type '{type.Name}' is symmetric", $"its ends must be one type, not '{type.From!.Name}' and '{type.To!.Name}'");
                type.IsSymmetric = false;
            }
            else if (declaration.Inverse is { } inverse)
            {
                Report(Descriptors.InvalidSchemaOption, inverse.Location, $"Relation type '{type.Name}' is symmetric", "it is its own inverse; remove 'inverse'");
            }
            else if (type.Cardinality is "many-to-one" or "one-to-many")
            {
                Report(Descriptors.InvalidSchemaOption, (declaration.Cardinality ?? symmetric).Location, $"Relation type '{type.Name}' is symmetric", "its cardinality must be many-to-many or one-to-one");
                type.Cardinality = "many-to-many";
            }
        }

        var inherited = new HashSet<string>(type.Ancestors.SelectMany(ancestor => ancestor.Properties.Select(p => p.Name).Concat(ancestor.Roles.Select(r => r.Name))), StringComparer.Ordinal);
        foreach (var property in declaration.Properties)
        {
            if (RelationKeys.Contains(property.Name.Value))
            {
                Report(Descriptors.ReservedName, property.Name.Location, property.Name.Value, "relation types: it is a key of every relation");
                type.Ignored.Add(property.Name.Value);
            }
            else if (inherited.Contains(property.Name.Value))
            {
                Report(Descriptors.Duplicate, property.Name.Location, InheritedLocation(type, property.Name.Value), "The property or role", property.Name.Value);
                type.Ignored.Add(property.Name.Value);
            }
            else if (CheckProperty(property, isEntityProperty: false) is { } checkedProperty)
            {
                type.Properties.Add(checkedProperty);
            }
            else
            {
                type.Ignored.Add(property.Name.Value);
            }
        }

        foreach (var role in declaration.Roles)
        {
            if (RelationKeys.Contains(role.Name.Value))
            {
                Report(Descriptors.ReservedName, role.Name.Location, role.Name.Value, "relation types: it is a key of every relation");
                type.Ignored.Add(role.Name.Value);
                continue;
            }

            if (inherited.Contains(role.Name.Value) || type.Properties.Any(p => p.Name == role.Name.Value))
            {
                Report(Descriptors.Duplicate, role.Name.Location, InheritedLocation(type, role.Name.Value), "The property or role", role.Name.Value);
                type.Ignored.Add(role.Name.Value);
                continue;
            }

            if (role.Type is null)
            {
                type.Ignored.Add(role.Name.Value);
                continue;
            }

            var text = role.Type.Value.Trim();
            var isOptional = text.EndsWith("?", StringComparison.Ordinal);
            text = isOptional ? text.Substring(0, text.Length - 1) : text;
            var isList = text.EndsWith("[]", StringComparison.Ordinal);
            text = isList ? text.Substring(0, text.Length - 2) : text;
            if (!_entityTypes.TryGetValue(text, out var player))
            {
                Report(Descriptors.UnknownEntityType, role.Type.Location, text, _graphName);
                type.Ignored.Add(role.Name.Value);
            }
            else if (player.IsBroken)
            {
                type.Ignored.Add(role.Name.Value);
            }
            else
            {
                type.Roles.Add(new RoleInfo(role, player, isList, isOptional));
            }
        }
    }

    /// <summary>Where the property or role of that name is declared first on the type or the types it extends.</summary>
    private static LocationInfo InheritedLocation(RelationTypeInfo type, string name) =>
        type.Ancestors.Reverse().Append(type)
            .SelectMany(t => t.Declaration.Properties.Select(p => p.Name).Concat(t.Declaration.Roles.Select(r => r.Name)))
            .First(declared => declared.Value == name)
            .Location;

    /// <returns>The end's entity type: as declared, else inherited; null when it is unknown or missing (reported).</returns>
    private EntityTypeInfo? ResolveEnd(RelationTypeInfo type, string end, Located? declared, EntityTypeInfo? inherited)
    {
        if (declared is null)
        {
            if (inherited is null && type.Base is null && !type.IsBroken)
            {
                Report(Descriptors.MissingKey, type.Declaration.Name.Location, $"Relation type '{type.Name}'", end, $"the entity type its relations {(end == "from" ? "start" : "end")} at");
            }

            return inherited;
        }

        if (!_entityTypes.TryGetValue(declared.Value, out var resolved))
        {
            Report(Descriptors.UnknownEntityType, declared.Location, declared.Value, _graphName);
            return null;
        }

        if (inherited is not null && !resolved.Is(inherited))
        {
            Report(Descriptors.RelationNarrowing, declared.Location, type.Name, type.Base!.Name, end, inherited.Name, resolved.Name);
            return null;
        }

        return resolved;
    }

    /// <summary>
    /// Takes the declared types of one kind by name, reporting a name declared twice, then links each type to the
    /// one it extends, reporting an unknown one and breaking inheritance cycles.
    /// </summary>
    private void CollectTypes<TDeclaration, TType>(
        IEnumerable<TDeclaration> declarations,
        Dictionary<string, TType> types,
        Func<TDeclaration, int, TType> create,
        string kind,
        DiagnosticDescriptor unknown)
        where TType : class, IExtendingType<TType>
    {
        foreach (var declaration in declarations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var type = create(declaration, types.Count);
            if (types.TryGetValue(type.Name, out var earlier))
            {
                Report(Descriptors.Duplicate, type.DeclaredName.Location, earlier.DeclaredName.Location, kind, type.Name);
                continue;
            }

            types.Add(type.Name, type);
        }

        foreach (var type in types.Values)
        {
            if (type.Extends is not { } extends)
            {
                continue;
            }

            if (types.TryGetValue(extends.Value, out var baseType))
            {
                type.Base = baseType;
            }
            else
            {
                Report(unknown, extends.Location, extends.Value, _graphName);
                type.IsBroken = true;
            }
        }

        BreakCycles(types.Values, kind);
        LimitDepth(types.Values, kind);
    }

    /// <summary>
    /// Reports and breaks every inheritance cycle, in one pass: each walk up from a type stops at a type an earlier
    /// walk reached, or at one of its own, which closes a cycle. Each cycle is reported once, on its first type in
    /// declaration order, and broken there; the types that lead into it break with it later.
    /// </summary>
    private void BreakCycles<TType>(IEnumerable<TType> types, string kind)
        where TType : class, IExtendingType<TType>
    {
        var reachedBy = new Dictionary<TType, TType>();
        var path = new List<TType>();
        foreach (var type in types)
        {
            path.Clear();
            var ancestor = type;
            for (; ancestor is not null && !reachedBy.ContainsKey(ancestor); ancestor = ancestor.Base)
            {
                reachedBy.Add(ancestor, type);
                path.Add(ancestor);
            }

            // Only a walk that comes back to a type of its own path has found a new cycle: from there on, the path is one.
            if (ancestor is null || reachedBy[ancestor] != type)
            {
                continue;
            }

            var first = path.Skip(path.IndexOf(ancestor)).OrderBy(member => member.Order).First();
            var cycle = new List<string> { first.Name };
            for (var member = first.Base!; member != first; member = member.Base!)
            {
                cycle.Add(member.Name);
            }

            cycle.Add(first.Name);
            Report(Descriptors.InheritanceCycle, first.Extends!.Location, $"{kind} '{first.Name}'", string.Join(" → ", cycle));
            first.IsBroken = true;
            first.Base = null;
        }
    }

    /// <summary>
    /// Sets each type's depth and ancestors, in one pass: each walk up from a type stops at a type already done, and
    /// the types on the way are done on the way back down. A type deeper than <see cref="MaxInheritanceDepth"/> is
    /// left out: the first of a chain is reported unless its chain is already left out after another mistake (an
    /// unknown or cyclic base), and the types below it silently.
    /// </summary>
    private void LimitDepth<TType>(IEnumerable<TType> types, string kind)
        where TType : class, IExtendingType<TType>
    {
        // The types whose chain is left out after another mistake: no depth is reported below them.
        var brokenChains = new HashSet<TType>();
        var done = new HashSet<TType>();
        var path = new List<TType>();
        foreach (var type in types)
        {
            path.Clear();
            for (var ancestor = type; ancestor is not null && !done.Contains(ancestor); ancestor = ancestor.Base)
            {
                path.Add(ancestor);
            }

            for (var i = path.Count - 1; i >= 0; i--)
            {
                var current = path[i];
                done.Add(current);
                if (current.Base is not { } parent)
                {
                    current.Depth = 0;
                    current.Ancestors = [];
                    if (current.IsBroken)
                    {
                        brokenChains.Add(current);
                    }

                    continue;
                }

                current.Depth = parent.Depth + 1;
                if (current.IsBroken || brokenChains.Contains(parent))
                {
                    brokenChains.Add(current);
                }

                if (current.Depth <= MaxInheritanceDepth)
                {
                    current.Ancestors = [parent, .. parent.Ancestors];
                    continue;
                }

                // Too deep: left out, and with it whatever extends it; so it needs no ancestors.
                if (current.Depth == MaxInheritanceDepth + 1 && !brokenChains.Contains(current))
                {
                    Report(
                        Descriptors.InheritanceTooDeep,
                        current.Extends!.Location,
                        $"{kind} '{current.Name}'",
                        current.Depth.ToString(CultureInfo.InvariantCulture),
                        parent.Ancestors[parent.Ancestors.Count - 1].Name,
                        MaxInheritanceDepth.ToString(CultureInfo.InvariantCulture));
                }

                current.Ancestors = [];
                current.IsBroken = true;
                brokenChains.Add(current);
            }
        }
    }

    /// <returns>The property with its type and constraints checked, or null after reporting a mistake.</returns>
    private PropertyInfo? CheckProperty(PropertyDeclaration declaration, bool isEntityProperty)
    {
        if (declaration.Type is null)
        {
            return null;
        }

        var type = PropertyTypes.Parse(declaration.Type.Value, name => _enums.TryGetValue(name, out var found) ? found.ClassName : null);
        if (type is null)
        {
            Report(Descriptors.InvalidPropertyType, declaration.Type.Location, declaration.Type.Value);
            return null;
        }

        if (type.Kind == ScalarKind.Enum && _enums[type.EnumName!].IsBroken)
        {
            return null;
        }

        var property = new PropertyInfo(declaration, type);
        var constraints = declaration.Constraints;
        var valid = true;
        void Invalid(LocationInfo location, string reason)
        {
            Report(Descriptors.InvalidSchemaOption, location, $"Property '{declaration.Name.Value}'", reason);
            valid = false;
        }

        foreach (var unique in new[] { constraints.Unique, constraints.Key }.Where(option => option is not null))
        {
            if (!isEntityProperty)
            {
                Invalid(unique!.Location, $"'{unique.Value}' applies to properties of entity types, not of relations");
            }
            else if (type.IsList || type.Kind is ScalarKind.Double)
            {
                Invalid(unique!.Location, $"'{unique.Value}' needs a single value that compares exactly, not {type}");
            }
            else if (unique!.Value == "key" && type.IsOptional)
            {
                Invalid(unique.Location, "a key must be given on every entity; remove '?' from its type");
            }
            else
            {
                property.IsUnique = true;
            }
        }

        if (constraints.Pattern is { } pattern)
        {
            if (type.Kind != ScalarKind.String)
            {
                Invalid(pattern.Location, $"'pattern' applies to string properties, not {type}");
            }
            else
            {
                try
                {
                    property.Pattern = new Regex(pattern.Value, RegexOptions.CultureInvariant, PatternChecks.Timeout);
                }
                catch (ArgumentException exception)
                {
                    Invalid(pattern.Location, $"'{pattern.Value}' is not a regular expression ({exception.Message})");
                }
            }
        }

        foreach (var (key, bound) in new[] { ("min", constraints.Min), ("max", constraints.Max) })
        {
            if (bound is null)
            {
                continue;
            }

            if (!type.IsNumeric)
            {
                Invalid(bound.Location, $"'{key}' applies to number properties, not {type}");
            }
            else if (bound.Kind != FactValueKind.Number)
            {
                Invalid(bound.Location, $"'{key}' must be a number");
            }
            else if (!PropertyTypes.TryParseBound(type.Kind, bound.Text, out var number))
            {
                // The emitter writes a bound as a literal of the property's type, and the checks compare it exactly.
                const string exact = "a number that decimal holds exactly, from -79228162514264337593543950335 to 79228162514264337593543950335 with at most 28 decimal places";
                var (kind, range) = type.Kind switch
                {
                    ScalarKind.Int => ("an int", "a whole number from -2147483648 to 2147483647"),
                    ScalarKind.Long => ("a long", "a whole number from -9223372036854775808 to 9223372036854775807"),
                    ScalarKind.Double => ("a double", exact),
                    _ => ("a decimal", exact),
                };
                Invalid(bound.Location, $"'{key}' of {kind} property must be {range}, not {bound.Text}");
            }
            else if (key == "min")
            {
                property.Min = number;
            }
            else
            {
                property.Max = number;
            }
        }

        if (property.Min > property.Max)
        {
            Invalid(constraints.Max!.Location, $"'max' ({PropertyInfo.Bound(property.Max!.Value)}) is below 'min' ({PropertyInfo.Bound(property.Min!.Value)})");
        }

        if (constraints.MinItems is { } minItems)
        {
            if (!type.IsList)
            {
                Invalid(minItems.Location, $"'minItems' applies to lists, not {type}");
            }
            else if (minItems.Kind != FactValueKind.Number || !int.TryParse(minItems.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                Invalid(minItems.Location, "'minItems' must be a whole number of at least 0");
            }
            else
            {
                property.MinItems = count;
            }
        }

        return valid ? property : null;
    }
}
