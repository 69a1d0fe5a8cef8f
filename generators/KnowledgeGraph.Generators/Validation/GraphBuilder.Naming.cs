using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;
using KnowledgeGraph.Generators.Naming;

namespace KnowledgeGraph.Generators.Validation;

internal sealed partial class GraphBuilder
{
    // A name of a thousand characters is shown by its ends, which hold what the emitter added to it.
    private static readonly Regex QuotedLongName = new("'([^']{61,})'", RegexOptions.CultureInvariant);

    private void NameTypes(NameScope typeNames)
    {
        foreach (var type in _entityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            type.ClassName = Identifiers.ToPascalCase(type.Name);
            type.IsBroken = !ClaimClassName(typeNames, type.ClassName, $"Entity type '{type.Name}'", type.Declaration.Name.Location, ReservedMembers.Entity, "entity");
        }

        foreach (var type in _entityTypes.Values.Where(type => !type.IsBroken))
        {
            type.IsBroken = type.Ancestors.Any(ancestor => ancestor.IsBroken);
        }

        // Base relation types first: a type breaks with the type it extends.
        foreach (var type in _relationTypes.Values.OrderBy(type => type.Ancestors.Count).ThenBy(type => type.Order))
        {
            type.IsBroken = type.IsBroken
                || type.From!.IsBroken
                || type.To!.IsBroken
                || type.Ancestors.Any(ancestor => ancestor.IsBroken)
                || type.Roles.Any(role => role.Type.IsBroken);
            if (!type.IsBroken)
            {
                type.ClassName = Identifiers.ToPascalCase(type.Name);
                type.IsBroken = !ClaimClassName(typeNames, type.ClassName, $"Relation type '{type.Name}'", type.Declaration.Name.Location, ReservedMembers.Relation, "relation");
            }

            if (type.IsBroken)
            {
                _brokenRelationTypes.Add(type.Name);
            }
        }
    }

    /// <summary>A class may not be named like a member it inherits: C# forbids a member named like its class.</summary>
    private bool ClaimClassName(NameScope typeNames, string className, string what, LocationInfo location, HashSet<string> inherited, string kind)
    {
        if (inherited.Contains(className))
        {
            Report(Descriptors.NameClash, location, what, className, $"the member '{className}' of every {kind} class");
            return false;
        }

        return typeNames.Claim(className, what, location);
    }

    /// <summary>
    /// Names properties, roles and navigation members. A member clashes with any member of the same name on
    /// its type, on a type it extends, or on a type that extends it (which would hide it).
    /// </summary>
    private void NameMembers()
    {
        var entityTypes = _entityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).ToList();
        foreach (var type in entityTypes)
        {
            foreach (var property in type.Properties.ToList())
            {
                property.MemberName = Identifiers.ToPascalCase(property.Name);
                if (!ClaimEntityMember(type, property.MemberName, $"Property '{property.Name}' of entity type '{type.Name}'", property.Declaration.Name.Location, isNavigation: false))
                {
                    type.Properties.Remove(property);
                    type.Ignored.Add(property.Name);
                }
            }
        }

        var relationTypes = _relationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Ancestors.Count).ThenBy(type => type.Order).ToList();
        foreach (var relation in relationTypes)
        {
            NameRelationMembers(relation);
        }

        foreach (var relation in relationTypes.OrderBy(type => type.Order))
        {
            var name = Identifiers.ToPascalCase(relation.Name);
            var location = relation.Declaration.Name.Location;
            if (relation.IsSymmetric)
            {
                if (ClaimEntityMember(relation.From!, name, $"Relation type '{relation.Name}'", location))
                {
                    relation.From!.Navigations.Add(new NavigationModel(name, NavigationKind.Symmetric, relation.Name, relation.ClassName, relation.To!.ClassName, relation.IsSingleForward));
                }
            }
            else
            {
                if (ClaimEntityMember(relation.From!, name, $"Relation type '{relation.Name}'", location))
                {
                    relation.From!.Navigations.Add(new NavigationModel(name, NavigationKind.Forward, relation.Name, relation.ClassName, relation.To!.ClassName, relation.IsSingleForward));
                }

                if (relation.Declaration.Inverse is { } inverse)
                {
                    var inverseName = Identifiers.ToPascalCase(inverse.Value);
                    if (ClaimEntityMember(relation.To!, inverseName, $"The inverse '{inverse.Value}' of relation type '{relation.Name}'", inverse.Location))
                    {
                        relation.To!.Navigations.Add(new NavigationModel(inverseName, NavigationKind.Inverse, relation.Name, relation.ClassName, relation.From!.ClassName, relation.IsSingleInverse));
                    }
                }
            }

            foreach (var role in relation.Roles)
            {
                var roleName = Identifiers.ToPascalCase(role.Declaration.Inverse?.Value ?? $"{relation.Name} as {role.Name}");
                var roleLocation = role.Declaration.Inverse?.Location ?? role.Declaration.Name.Location;
                if (ClaimEntityMember(role.Type, roleName, $"The inverse of role '{role.Name}' of relation type '{relation.Name}'", roleLocation))
                {
                    role.Type.Navigations.Add(new NavigationModel(roleName, NavigationKind.Role, relation.Name, relation.ClassName, relation.ClassName, IsSingle: false, role.Name));
                }
            }
        }
    }

    private void NameRelationMembers(RelationTypeInfo relation)
    {
        var members = new NameScope(this, $"relation class '{relation.ClassName}'", MetadataName.AutoProperty);
        foreach (var type in relation.SelfAndAncestors())
        {
            members.Reserve(type.ClassName, $"the relation class '{type.ClassName}' itself");
        }

        foreach (var reserved in ReservedMembers.Relation)
        {
            members.Reserve(reserved, $"the member '{reserved}' of every relation");
        }

        // Inherited members keep their names; this type's own members must not hide them.
        foreach (var ancestor in relation.Ancestors)
        {
            foreach (var member in ancestor.Properties.Select(p => (p.MemberName, p.Declaration.Name.Location)).Concat(ancestor.Roles.Select(r => (r.MemberName, r.Declaration.Name.Location))))
            {
                members.Claim(member.MemberName, $"Member '{member.MemberName}' of '{ancestor.Name}'", member.Location);
            }
        }

        foreach (var property in relation.Properties.ToList())
        {
            property.MemberName = Identifiers.ToPascalCase(property.Name);
            if (!members.Claim(property.MemberName, $"Property '{property.Name}' of relation type '{relation.Name}'", property.Declaration.Name.Location))
            {
                relation.Properties.Remove(property);
                relation.Ignored.Add(property.Name);
            }
        }

        foreach (var role in relation.Roles.ToList())
        {
            role.MemberName = Identifiers.ToPascalCase(role.Name);
            if (!members.Claim(role.MemberName, $"Role '{role.Name}' of relation type '{relation.Name}'", role.Declaration.Name.Location))
            {
                relation.Roles.Remove(role);
                relation.Ignored.Add(role.Name);
            }
        }
    }

    /// <param name="isNavigation">A navigation is also a step method of the traversal class, so it may not be named like that class.</param>
    private bool ClaimEntityMember(EntityTypeInfo owner, string name, string what, LocationInfo location, bool isNavigation = true)
    {
        if (!FitsMetadata(what, isNavigation ? MetadataName.TraversalStep : MetadataName.AutoProperty, name, location))
        {
            return false;
        }

        string? taken = null;
        LocationInfo? takenAt = null;
        if (ReservedMembers.Entity.Contains(name))
        {
            taken = $"the member '{name}' every entity has";
        }
        else if (isNavigation && name == _traversalClassName)
        {
            taken = $"the traversal class '{name}' of the graph";
        }
        else if (owner.ClassName == name)
        {
            taken = $"entity class '{owner.ClassName}' itself";
            takenAt = owner.Declaration.Name.Location;
        }
        else
        {
            foreach (var related in _entityTypes.Values.Where(t => !t.IsBroken && (t == owner || t.IsRelatedTo(owner))))
            {
                if (related.MemberLocations.TryGetValue(name, out var location2))
                {
                    taken = $"a member of entity type '{related.Name}'";
                    takenAt = location2;
                    break;
                }
            }
        }

        if (taken is null)
        {
            owner.MemberLocations[name] = location;
            return true;
        }

        if (takenAt is null)
        {
            Report(Descriptors.NameClash, location, what, name, taken);
        }
        else
        {
            Report(Descriptors.NameClash, location, takenAt, what, name, taken);
        }

        return false;
    }

    /// <summary>
    /// The C# names of one scope; a second claim on a name is a KG0017, a name too long for metadata a KG0026.
    /// </summary>
    /// <param name="metadataName">How the emitter writes the names of this scope in metadata.</param>
    private sealed class NameScope(GraphBuilder builder, string scope, MetadataName metadataName, NameScope.Names? names = null)
    {
        private readonly Names _names = names ?? new Names(System.StringComparer.Ordinal);

        /// <summary>Nothing can be named here (its namespace was reported): every claim fails, silently.</summary>
        public bool IsClosed { get; init; }

        public void Reserve(string name, string what) => _names[name] = (what, null);

        /// <param name="helper">A name the emitter makes of this one elsewhere (an enum's reader method), which must fit too.</param>
        public bool Claim(string name, string what, LocationInfo location, string? helper = null)
        {
            if (IsClosed
                || !builder.FitsMetadata(what, metadataName, name, location)
                || (helper is not null && !builder.FitsMetadata(what, MetadataName.Method, helper, location)))
            {
                return false;
            }

            if (_names.Namespaces.TryGetValue(name, out var ns))
            {
                builder.Report(Descriptors.NameClash, location, what, name, $"namespace '{ns}'");
                return false;
            }

            if (!_names.TryGetValue(name, out var taken))
            {
                _names.Add(name, (what, location));
                return true;
            }

            var existing = _names.Keys.First(key => _names.Comparer.Equals(key, name));
            var where = existing == name ? scope : $"{scope} as '{existing}' (generated file names ignore case)";
            if (taken.Location is null)
            {
                builder.Report(Descriptors.NameClash, location, what, name, taken.What);
            }
            else
            {
                builder.Report(Descriptors.NameClash, location, taken.Location, what, name, $"{LowerFirst(taken.What)} in {where}");
            }

            return false;
        }

        /// <summary>The names a scope holds: what took each, and where, when it was declared in a file.</summary>
        public sealed class Names(System.StringComparer comparer) : Dictionary<string, (string What, LocationInfo? Location)>(comparer)
        {
            /// <summary>
            /// The namespaces of graphs right inside this one, by their last part: C# allows no type of that name
            /// here (CS0101), though one that differs in case.
            /// </summary>
            public Dictionary<string, string> Namespaces { get; } = new(System.StringComparer.Ordinal);
        }

        private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
    }

    /// <summary>
    /// Whether a name fits .NET metadata, which holds at most 1,023 bytes of UTF-8 in a name (the compiler's CS7013,
    /// reported only when it writes the assembly); false after reporting it.
    /// </summary>
    private bool FitsMetadata(string what, MetadataName kind, string name, LocationInfo location)
    {
        var metadataName = kind.Of(name);
        var bytes = Encoding.UTF8.GetByteCount(metadataName);
        if (bytes <= MetadataName.MaxBytes)
        {
            return true;
        }

        Report(
            Descriptors.NameTooLong,
            location,
            QuotedLongName.Replace(what, match => $"'{Abbreviate(match.Groups[1].Value)}'"),
            Abbreviate(metadataName),
            bytes.ToString(CultureInfo.InvariantCulture),
            MetadataName.MaxBytes.ToString(CultureInfo.InvariantCulture),
            kind.Shorten);
        return false;
    }

    private static string Abbreviate(string name)
    {
        if (name.Length <= 60)
        {
            return name;
        }

        // Never between the halves of a surrogate pair.
        var head = char.IsHighSurrogate(name[29]) ? 29 : 30;
        var tail = char.IsLowSurrogate(name[name.Length - 20]) ? 19 : 20;
        return name.Substring(0, head) + "…" + name.Substring(name.Length - tail);
    }

    /// <summary>
    /// Whether the graph's types can live in its namespace; false after reporting why not. Generated code names the
    /// runtime's types and .NET's by their full names (<c>global::KnowledgeGraph.Entity</c>, <c>global::System.Uri</c>),
    /// and the compiler uses some of .NET's by name too (<c>System.Runtime.CompilerServices.RequiredMemberAttribute</c>):
    /// a generated type of one of those names, or a namespace named like one of those types, would take its place.
    /// </summary>
    /// <param name="what">The namespace, for messages, saying where it comes from.</param>
    private bool CheckNamespace(string ns, string what, LocationInfo location, string graphClassName)
    {
        var parts = ns.Split('.');
        var reason = parts[0] switch
        {
            "System" => "the namespace System and those in it hold .NET's types, which generated code and the compiler use by their full names",
            "KnowledgeGraph" when parts.Length == 1 => "it holds the runtime's types, such as Entity and Graph, which generated code uses by their full names",
            "KnowledgeGraph" when ReservedMembers.RuntimeTypes.Contains(parts[1]) => $"it is named like the runtime's type 'KnowledgeGraph.{parts[1]}', which generated code uses",
            _ => null,
        };
        if (reason is not null)
        {
            Report(Descriptors.ReservedNamespace, location, what, reason);
            return false;
        }

        // Every type's full name holds the namespace, a dot and a name of one character at least.
        return Encoding.UTF8.GetByteCount(MetadataName.TypeIn(ns).Of("T")) <= MetadataName.MaxBytes
            || FitsMetadata(what, MetadataName.TypeIn(ns, "the namespace"), graphClassName, location);
    }

    /// <summary>
    /// How the emitter writes a C# name in metadata, found with the compiler: a type with its namespace, a get-only
    /// property as its getter (<c>get_Name</c>), an auto-property as its backing field (<c>&lt;Name&gt;k__BackingField</c>),
    /// which is longer than its accessors. An '@' that escapes a keyword is not part of the name.
    /// </summary>
    /// <remarks>
    /// A navigation is a getter and a step method of the traversal class; the step's lambda is the longest of them,
    /// <c>&lt;Name&gt;b__N_0</c>, where N is the step's place in the class: up to five digits, as a class holds at most
    /// 65,535 methods. The rule counts five, so that whether a name fits does not depend on the names before it.
    /// </remarks>
    private readonly struct MetadataName(string prefix, string suffix, string shorten = "it")
    {
        /// <summary>The most bytes of UTF-8 in a name in metadata.</summary>
        public const int MaxBytes = 1023;

        /// <summary>A method or a field, such as an enum's value.</summary>
        public static readonly MetadataName Method = new("", "");

        public static readonly MetadataName Getter = new("get_", "");

        public static readonly MetadataName TraversalStep = new("<", ">b__NNNNN_0");

        public static readonly MetadataName AutoProperty = new("<", ">k__BackingField");

        /// <summary>What to shorten, for messages.</summary>
        public string Shorten { get; } = shorten;

        public static MetadataName TypeIn(string ns, string shorten = "it or the namespace") => new(ns.Replace("@", "") + ".", "", shorten);

        public string Of(string name) => prefix + name.TrimStart('@') + suffix;
    }
}
