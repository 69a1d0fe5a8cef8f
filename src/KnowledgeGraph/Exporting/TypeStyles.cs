using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// The colour and shape that draw the entities of each type in a picture (DOT, Mermaid): the concrete entity types
/// take them in the order their files declare them, so a graph is drawn alike every time.
/// </summary>
internal sealed class TypeStyles
{
    // ColorBrewer's Set3 (pale, distinct, dark text stays readable on every one), then its shapes.
    private static readonly string[] s_colors =
        ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"];

    private static readonly string[] s_shapes = ["box", "ellipse", "hexagon", "octagon", "house", "parallelogram", "cylinder", "note"];

    private readonly Dictionary<EntityTypeInfo, int> _index;

    public TypeStyles(IEnumerable<EntityTypeInfo> types) =>
        _index = types.Where(type => !type.Declaration.IsAbstract).Select((type, i) => (type, i)).ToDictionary(p => p.type, p => p.i);

    /// <summary>The concrete types, each with its place in the palette.</summary>
    public IEnumerable<(EntityTypeInfo Type, int Index)> Types => _index.Select(pair => (pair.Key, pair.Value));

    public int IndexOf(EntityTypeInfo type) => _index[type];

    public static string Color(int index) => s_colors[index % s_colors.Length];

    /// <summary>A shape for DOT; types past the colours change shape too, so no two of the first 96 look alike.</summary>
    public static string Shape(int index) => s_shapes[index / s_colors.Length % s_shapes.Length];
}
