using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph;

/// <summary>A relation type of a <see cref="FileGraph"/>: what its generated class would read, write and declare.</summary>
internal sealed class FileRelationType
{
    public FileRelationType(RelationTypeModel model)
    {
        Model = model;
        var columns = FactRows.Columns(model).ToList();
        Properties = columns.Where(column => column.Kind == FactRows.ColumnKind.Property).Select(column => column.Property!).ToArray();
        Roles = columns.Where(column => column.Kind == FactRows.ColumnKind.Role).Select(column => column.Role!).ToArray();
        Cardinality = model.Cardinality switch
        {
            "many-to-one" => Cardinality.ManyToOne,
            "one-to-many" => Cardinality.OneToMany,
            "one-to-one" => Cardinality.OneToOne,
            _ => Cardinality.ManyToMany,
        };
    }

    public RelationTypeModel Model { get; }

    /// <summary>The properties in the order of the rows, inherited ones first.</summary>
    public PropertyModel[] Properties { get; }

    /// <summary>The roles in the order of the rows, inherited ones first.</summary>
    public RoleModel[] Roles { get; }

    public Cardinality Cardinality { get; }

    /// <summary>Reads a relation row after its type's name, as the generated reader does: ends, properties, roles, sources, validity.</summary>
    public FileRelation Read(ref FactReader row)
    {
        var from = row.Entity<Entity>();
        var to = row.Entity<Entity>();
        var values = FactValues.Read(ref row, Properties);
        var players = new object?[Roles.Length];
        for (var i = 0; i < Roles.Length; i++)
        {
            var role = Roles[i];
            players[i] = role.IsList
                ? row.List(static (ref FactReader item) => item.Entity<Entity>())
                : role.IsOptional && row.IsNull() ? null : row.Entity<Entity>();
        }

        var sources = row.Sources();
        var validFrom = row.IsNull() ? (PartialDate?)null : row.PartialDate();
        var validTo = row.IsNull() ? (PartialDate?)null : row.PartialDate();
        return new FileRelation(this, from, to, values, players) { Sources = sources, ValidFrom = validFrom, ValidTo = validTo };
    }
}

/// <summary>
/// A relation of a <see cref="FileGraph"/>, with its values and role players as its generated class would hold them:
/// each role's player (an <see cref="Entity"/> or null) or players (a list), in the order of <see cref="FileRelationType.Roles"/>.
/// </summary>
internal sealed class FileRelation(FileRelationType type, Entity from, Entity to, object?[] values, object?[] players) : Relation(from, to)
{
    internal override object TypeKey => type;

    public override string TypeName => type.Model.SchemaName;

    public override Cardinality Cardinality => type.Cardinality;

    public override bool IsSymmetric => type.Model.IsSymmetric;

    protected internal override Relation Copy(Func<Entity, Entity> map) =>
        new FileRelation(type, map(From), map(To), values, players.Select(player => player switch
        {
            Entity entity => map(entity),
            IReadOnlyList<Entity> list => (object)list.Select(map).ToArray(),
            _ => null,
        }).ToArray());

    protected internal override void WriteValues(FactWriter writer)
    {
        FactValues.Write(writer, type.Properties, values);
        for (var i = 0; i < type.Roles.Length; i++)
        {
            var name = type.Roles[i].SchemaName;
            if (players[i] is IReadOnlyList<Entity> list)
            {
                writer.Roles(name, list);
            }
            else
            {
                writer.Role(name, (Entity?)players[i]);
            }
        }
    }

    protected internal override void CollectRoles(ICollection<RolePlayer> roles)
    {
        for (var i = 0; i < type.Roles.Length; i++)
        {
            var name = type.Roles[i].SchemaName;
            if (players[i] is IReadOnlyList<Entity> list)
            {
                foreach (var player in list)
                {
                    roles.Add(new RolePlayer(name, player));
                }
            }
            else if (players[i] is Entity player)
            {
                roles.Add(new RolePlayer(name, player));
            }
        }
    }

    protected internal override void CollectDates(ICollection<DatedValue> dates)
    {
        base.CollectDates(dates);
        FactValues.CollectDates(dates, type.Properties, values);
    }
}
