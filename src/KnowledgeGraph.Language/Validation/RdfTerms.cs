using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph.Language.Validation;

/// <summary>
/// Names the constants of a graph class's <c>Rdf</c> class, one for the IRI of each term of its RDF mapping, by
/// <see cref="RdfNames"/>, so that query text is built from names the compiler checks: a type by its class's name
/// (<c>Rdf.Person</c>, <c>Rdf.Leads</c>); a property, role or enum value by its member's name in a class named like the
/// type that declares it, as its IRI is (<c>Rdf.Members.Thing.Name</c>), where the type's own checks keep the names apart
/// (an inherited one is not repeated: a class may inherit a member named like itself, but not declare one).
/// </summary>
internal static class RdfTerms
{
    /// <returns>The types, in declaration order (enums, entity types, relation types); a type whose name the class takes already is left out (KG0017).</returns>
    public static List<RdfTermModel> Name(Schema schema, string baseIri, string graphClassName, Reporter reporter)
    {
        var names = new NameScope(reporter, $"the class '{graphClassName}.{GeneratedNames.RdfClass}'", MetadataName.Method);
        names.Reserve(GeneratedNames.RdfClass, $"the class '{GeneratedNames.RdfClass}' itself");
        names.Reserve(GeneratedNames.RdfMembersClass, $"the class '{GeneratedNames.RdfClass}.{GeneratedNames.RdfMembersClass}' of the IRIs of properties, roles and enum values");
        foreach (var member in ReservedMembers.Object)
        {
            names.Reserve(member, $"the member '{member}' of every class");
        }

        var terms = new List<RdfTermModel>();
        foreach (var type in schema.Enums.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            Add(type.ClassName, RdfTermKind.Enum, type.Name, $"enum '{type.Name}'", type.Declaration.Name.Location, type.Values.Select(value =>
                Member(value.MemberName, RdfTermKind.EnumValue, value.SchemaName, type.Name)));
        }

        foreach (var type in schema.EntityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            Add(type.ClassName, RdfTermKind.EntityType, type.Name, $"entity type '{type.Name}'", type.Declaration.Name.Location,
                type.Properties.Select(property => Member(property.MemberName, RdfTermKind.Property, property.Name, type.Name)));
        }

        foreach (var type in schema.RelationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order))
        {
            Add(type.ClassName, RdfTermKind.RelationType, type.Name, $"relation type '{type.Name}'", type.Declaration.Name.Location,
                type.Properties.Select(property => Member(property.MemberName, RdfTermKind.Property, property.Name, type.Name))
                    .Concat(type.Roles.Select(role => Member(role.MemberName, RdfTermKind.Role, role.Name, type.Name))));
        }

        return terms;

        RdfMemberModel Member(string memberName, RdfTermKind kind, string name, string typeName) =>
            new(memberName, RdfNames.Member(baseIri, typeName, name), kind, name);

        void Add(string className, RdfTermKind kind, string name, string what, LocationInfo location, IEnumerable<RdfMemberModel> members)
        {
            if (names.Claim(className, $"The IRI of {what}", location))
            {
                terms.Add(new RdfTermModel(className, RdfNames.Type(baseIri, name), kind, name, members.ToEquatableArray()));
            }
        }
    }
}
