using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// What an exporter writes, the same for every format: the entities and facts of a graph or view in graph order,
/// the schema they were compiled by, and each element's values.
/// </summary>
/// <remarks>
/// A view exports what it holds, as it saves: a fact whose role player the view leaves out is left out, as one
/// whose end it leaves out is, and a source it leaves out is not cited.
/// </remarks>
internal sealed class ExportedGraph
{
    private readonly CompactStore? _view; // null for a whole graph: it holds everything
    private readonly Relation[] _relations;
    private readonly List<RolePlayer> _players = [];
    private readonly int _rootEntityCount;
    private int[]? _positions;

    /// <param name="view">The graph or view to export.</param>
    /// <param name="target">What the export writes, for messages: "a GraphML file".</param>
    /// <exception cref="NotSupportedException">The graph was made without the schema of its files.</exception>
    public ExportedGraph(GraphView view, string target)
    {
        var schema = view.Root.Schema;
        GraphName = schema.GraphName;
        Target = target;
        BaseIri = schema.BaseIri;
        Schema = schema.Schema;
        _view = view is Graph ? null : view.Store;
        Entities = view.Store.Entities;
        Values = new ElementValues(target);
        EntityTypes = [.. Schema.EntityTypes.Values.OrderBy(type => type.Order)];
        RelationTypes = [.. Schema.RelationTypes.Values.OrderBy(type => type.Order)];
        Enums = [.. Schema.Enums.Values.OrderBy(type => type.Order)];
        _relations = view.Store.Relations;
        _rootEntityCount = view.Store.RootEntityCount;
    }

    /// <summary>The graph's name in its files (<c>"graph"</c>).</summary>
    public string GraphName { get; }

    /// <summary>What the export writes, for messages: "a GraphML file".</summary>
    public string Target { get; }

    /// <summary>The base IRI of the graph's RDF mapping (<c>"baseIri"</c>, or <c>urn:kg:{graph}:</c>).</summary>
    public string BaseIri { get; }

    public Schema Schema { get; }

    /// <summary>The entity types in the order their files declare them.</summary>
    public IReadOnlyList<EntityTypeInfo> EntityTypes { get; }

    /// <summary>The relation types in the order their files declare them.</summary>
    public IReadOnlyList<RelationTypeInfo> RelationTypes { get; }

    /// <summary>The enums in the order their files declare them.</summary>
    public IReadOnlyList<EnumInfo> Enums { get; }

    /// <summary>The entities, in graph order.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>The facts, in graph order, but those whose role player the view leaves out.</summary>
    public IEnumerable<Relation> Relations
    {
        get
        {
            foreach (var relation in _relations)
            {
                if (_view is null || PlayersHeld(relation))
                {
                    yield return relation;
                }
            }
        }
    }

    /// <summary>The values of the element last asked for with <see cref="ElementValues.Of"/>; one reader for the whole export.</summary>
    public ElementValues Values { get; }

    /// <summary>The place of <paramref name="entity"/> in <see cref="Entities"/>, for formats that number their nodes.</summary>
    public int PositionOf(Entity entity)
    {
        if (_positions is null)
        {
            _positions = new int[_rootEntityCount];
            for (var i = 0; i < Entities.Count; i++)
            {
                _positions[Entities[i].Ordinal] = i;
            }
        }

        return _positions[entity.Ordinal];
    }

    /// <summary>Whether the export holds <paramref name="entity"/> (a source or role player may be outside a view).</summary>
    public bool Holds(Entity entity) => _view is null || _view.Holds(entity);

    /// <summary>The sources the fact cites that the export holds.</summary>
    public IEnumerable<Entity> SourcesOf(Relation relation) => relation.Sources.Where(Holds);

    /// <summary>The type of <paramref name="entity"/>; reads its values into <see cref="Values"/>.</summary>
    public EntityTypeInfo TypeOf(Entity entity) => Schema.EntityTypes[Values.Of(entity).TypeName];

    public RelationTypeInfo TypeOf(Relation relation) => Schema.RelationTypes[relation.TypeName];

    /// <summary>
    /// What shows the entity to a reader: its <c>name</c> when its type has one, else its id. Reads its values into
    /// <see cref="Values"/>.
    /// </summary>
    public string LabelOf(Entity entity) => Values.Of(entity).Text("name") ?? entity.Id;

    private bool PlayersHeld(Relation relation)
    {
        _players.Clear();
        relation.CollectRoles(_players);
        foreach (var player in _players)
        {
            if (!_view!.Holds(player.Player))
            {
                return false;
            }
        }

        return true;
    }
}
