using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;

namespace KnowledgeGraph.Language.Validation;

internal sealed partial class SchemaResolver
{
    private void NameTypes(NameScope typeNames)
    {
        foreach (var type in _entityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            type.ClassName = Identifiers.ToPascalCase(type.Name);
            type.IsBroken = !ClaimClassName(typeNames, type.ClassName, $"Entity type '{type.Name}'", type.Declaration.Name.Location, ReservedMembers.Entity, "entity");
        }

        foreach (var type in _entityTypes.Values)
        {
            type.IsBroken |= BuildsOnBroken(type);
        }

        // Base relation types first: a type breaks with the type it extends, whose class name may just have clashed.
        foreach (var type in _relationTypes.Values.OrderBy(type => type.Depth).ThenBy(type => type.Order))
        {
            type.IsBroken |= BuildsOnBroken(type);
            if (!type.IsBroken)
            {
                type.ClassName = Identifiers.ToPascalCase(type.Name);
                type.IsBroken = !ClaimClassName(typeNames, type.ClassName, $"Relation type '{type.Name}'", type.Declaration.Name.Location, ReservedMembers.Relation, "relation");
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

        var relationTypes = _relationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Depth).ThenBy(type => type.Order).ToList();
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
                if (ClaimEntityMember(role.Type, roleName, $"The inverse of role '{role.Name}' of relation type '{relation.Name}'", roleLocation, compiledAs: MetadataName.RoleStep))
                {
                    role.Type.Navigations.Add(new NavigationModel(roleName, NavigationKind.Role, relation.Name, relation.ClassName, relation.ClassName, IsSingle: false, role.Name));
                }
            }
        }
    }

    private void NameRelationMembers(RelationTypeInfo relation)
    {
        var members = new NameScope(_reporter, $"relation class '{relation.ClassName}'", MetadataName.AutoProperty);
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
    /// <param name="compiledAs">The longest name the emitter makes of it; by default a navigation's getter, or a property's backing field.</param>
    private bool ClaimEntityMember(EntityTypeInfo owner, string name, string what, LocationInfo location, bool isNavigation = true, MetadataName? compiledAs = null)
    {
        if (!(compiledAs ?? (isNavigation ? MetadataName.Getter : MetadataName.AutoProperty)).Fits(name, what, location, _reporter))
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
            // The first in declaration order of the types that have the name: the owner, those it extends, those that extend it.
            var related = owner.ClaimsBelow.TryGetValue(name, out var below) ? below : null;
            foreach (var ancestor in owner.Ancestors)
            {
                if (ancestor.MemberLocations.ContainsKey(name) && (related is null || ancestor.Order < related.Order))
                {
                    related = ancestor;
                }
            }

            if (related is not null)
            {
                taken = $"a member of entity type '{related.Name}'";
                takenAt = related.MemberLocations[name];
            }
        }

        if (taken is null)
        {
            owner.MemberLocations[name] = location;
            foreach (var type in owner.Ancestors.Prepend(owner))
            {
                if (!type.ClaimsBelow.TryGetValue(name, out var earlier) || owner.Order < earlier.Order)
                {
                    type.ClaimsBelow[name] = owner;
                }
            }

            return true;
        }

        if (takenAt is { } clash)
        {
            Report(Descriptors.NameClash, location, clash, what, name, taken);
        }
        else
        {
            Report(Descriptors.NameClash, location, what, name, taken);
        }

        return false;
    }
}
