using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;
using KnowledgeGraph.Generators.Naming;

namespace KnowledgeGraph.Generators.Validation;

internal sealed partial class GraphBuilder
{
    private void NameTypes(NameScope typeNames)
    {
        foreach (var type in _entityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            type.ClassName = Identifiers.ToPascalCase(type.Name);
            type.IsBroken = !typeNames.Claim(type.ClassName, $"Entity type '{type.Name}'", type.Declaration.Name.Location);
        }

        foreach (var type in _entityTypes.Values.Where(type => !type.IsBroken))
        {
            type.IsBroken = type.Ancestors().Any(ancestor => ancestor.IsBroken);
        }

        foreach (var type in _relationTypes.Values.OrderBy(type => type.Order))
        {
            if (!type.IsBroken)
            {
                type.IsBroken = type.From!.IsBroken || type.To!.IsBroken;
            }

            if (!type.IsBroken)
            {
                type.ClassName = Identifiers.ToPascalCase(type.Name);
                type.IsBroken = !typeNames.Claim(type.ClassName, $"Relation type '{type.Name}'", type.Declaration.Name.Location);
            }

            if (type.IsBroken)
            {
                _brokenRelationTypes.Add(type.Name);
            }
        }
    }

    /// <summary>
    /// Names properties and navigation members. A member clashes with any member of the same name on its
    /// type, on a type it extends, or on a type that extends it (which would hide it).
    /// </summary>
    private void NameMembers()
    {
        var entityTypes = _entityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).ToList();
        foreach (var type in entityTypes)
        {
            foreach (var property in type.Properties.ToList())
            {
                property.MemberName = Identifiers.ToPascalCase(property.Name);
                if (!ClaimEntityMember(type, property.MemberName, $"Property '{property.Name}' of entity type '{type.Name}'", property.Declaration.Name.Location))
                {
                    type.Properties.Remove(property);
                    type.Ignored.Add(property.Name);
                }
            }
        }

        foreach (var relation in _relationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            var forward = Identifiers.ToPascalCase(relation.Name);
            if (ClaimEntityMember(relation.From!, forward, $"Relation type '{relation.Name}'", relation.Declaration.Name.Location))
            {
                relation.From!.Navigations.Add(new NavigationModel(forward, relation.Name, relation.ClassName, relation.To!.ClassName, IsInverse: false, relation.IsSingleForward));
            }

            if (relation.Declaration.Inverse is { } inverse)
            {
                var inverseName = Identifiers.ToPascalCase(inverse.Value);
                if (ClaimEntityMember(relation.To!, inverseName, $"The inverse '{inverse.Value}' of relation type '{relation.Name}'", inverse.Location))
                {
                    relation.To!.Navigations.Add(new NavigationModel(inverseName, relation.Name, relation.ClassName, relation.From!.ClassName, IsInverse: true, relation.IsSingleInverse));
                }
            }

            var members = new NameScope(this, $"relation class '{relation.ClassName}'");
            members.Reserve(relation.ClassName, $"the relation class '{relation.ClassName}' itself");
            foreach (var reserved in ReservedMembers.Relation)
            {
                members.Reserve(reserved, $"the member '{reserved}' every relation has");
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
        }
    }

    private bool ClaimEntityMember(EntityTypeInfo owner, string name, string what, LocationInfo location)
    {
        string? taken = null;
        LocationInfo? takenAt = null;
        if (ReservedMembers.Entity.Contains(name))
        {
            taken = $"the member '{name}' every entity has";
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

    /// <summary>The C# names of one scope; a second claim on a name is a KG0017.</summary>
    private sealed class NameScope(GraphBuilder builder, string scope)
    {
        private readonly Dictionary<string, (string What, LocationInfo? Location)> _names = new(System.StringComparer.Ordinal);

        public void Reserve(string name, string what) => _names[name] = (what, null);

        public bool Claim(string name, string what, LocationInfo location)
        {
            if (!_names.TryGetValue(name, out var taken))
            {
                _names.Add(name, (what, location));
                return true;
            }

            if (taken.Location is null)
            {
                builder.Report(Descriptors.NameClash, location, what, name, $"{taken.What} in {scope}");
            }
            else
            {
                builder.Report(Descriptors.NameClash, location, taken.Location, what, name, $"{LowerFirst(taken.What)} in {scope}");
            }

            return false;
        }

        private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
    }
}
