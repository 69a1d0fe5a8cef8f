using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph;

/// <summary>
/// The graph of checked <c>.kg.json</c> files without the classes the generator writes for them, for tools that work
/// on files alone (<c>kg export</c>): it is made exactly as a generated graph makes itself, from the same rows read in
/// the same order, so that it saves and exports the same bytes.
/// </summary>
internal sealed class FileGraph : Graph
{
    private FileGraph(GraphContent content, GraphFiles files)
        : base(content, files)
    {
    }

    /// <summary>Makes the graph of <paramref name="model"/>, which must hold no error.</summary>
    /// <param name="model">A graph as the checker made it from its files.</param>
    public static FileGraph Create(GraphModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entityTypes = model.EntityTypes.Where(type => !type.IsAbstract).ToDictionary(type => type.SchemaName, type => new FileEntityType(type), StringComparer.Ordinal);
        var relationTypes = model.RelationTypes.Where(type => !type.IsAbstract).ToDictionary(type => type.SchemaName, type => new FileRelationType(type), StringComparer.Ordinal);
        var content = new GraphContent();

        // The tables the generator compiles in, one each here: the reader takes no other break between rows.
        if (model.Entities.Count > 0)
        {
            content.AddEntities(Table(model.Entities.Select(entity => FactRows.EntityRow(entityTypes[entity.Type].Model, entity))), (ref FactReader row) => entityTypes[row.Symbol()].Read(ref row));
        }

        if (model.Relations.Count > 0)
        {
            content.AddRelations(Table(model.Relations.Select(relation => FactRows.RelationRow(relationTypes[relation.Type].Model, relation))), (ref FactReader row) => relationTypes[row.Symbol()].Read(ref row));
        }

        return new FileGraph(content, new SchemaFiles(Encoding.UTF8.GetBytes(model.Schema), model.Namespace));
    }

    private static byte[] Table(IEnumerable<string> rows) => Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", rows) + "\n]");

    /// <summary>The schema of the files, as a generated graph class holds it.</summary>
    private sealed class SchemaFiles(byte[] schema, string classNamespace) : GraphFiles(schema, classNamespace);
}
