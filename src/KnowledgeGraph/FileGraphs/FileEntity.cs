using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph;

/// <summary>An entity type of a <see cref="FileGraph"/>: what its generated class would read, write and show.</summary>
internal sealed class FileEntityType
{
    public FileEntityType(EntityTypeModel model)
    {
        Model = model;
        Properties = FactRows.Columns(model).Select(column => column.Property!).ToArray();
        NameIndex = model.HasNameProperty ? System.Array.FindIndex(Properties, property => property.MemberName == "Name") : -1;
    }

    public EntityTypeModel Model { get; }

    /// <summary>The properties in the order of the rows, inherited ones first.</summary>
    public PropertyModel[] Properties { get; }

    /// <summary>Where the name is among the values, or −1: the generated class shows it as the entity.</summary>
    public int NameIndex { get; }

    /// <summary>Reads an entity row after its type's name, as the generated reader does.</summary>
    public FileEntity Read(ref FactReader row)
    {
        var id = row.Id();
        return new FileEntity(id, this, FactValues.Read(ref row, Properties));
    }
}

/// <summary>An entity of a <see cref="FileGraph"/>, with its values as its generated class would hold them.</summary>
internal sealed class FileEntity(string id, FileEntityType type, object?[] values) : Entity(id)
{
    internal override object TypeKey => type;

    protected internal override Entity Copy() => new FileEntity(Id, type, values);

    protected internal override void WriteValues(FactWriter writer)
    {
        writer.Type(type.Model.SchemaName);
        FactValues.Write(writer, type.Properties, values);
    }

    protected internal override void CollectDates(ICollection<DatedValue> dates) => FactValues.CollectDates(dates, type.Properties, values);

    public override string ToString() => type.NameIndex < 0 ? base.ToString() : (string)values[type.NameIndex]!;
}
