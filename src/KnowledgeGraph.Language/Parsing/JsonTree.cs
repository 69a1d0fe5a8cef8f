using System.Collections.Generic;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Parsing;

/// <summary>
/// A JSON value that remembers where it stands in its file. System.Text.Json's own document model drops
/// positions, and every diagnostic needs them.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(LocationInfo location) => Location = location;

    public LocationInfo Location { get; }

    /// <summary>How the value reads in a message: "an object", "a string", …</summary>
    public abstract string KindDescription { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(LocationInfo location, IReadOnlyList<JsonMember> members)
        : base(location) => Members = members;

    /// <summary>The members in file order, duplicates kept, so that a repeated key can be reported.</summary>
    public IReadOnlyList<JsonMember> Members { get; }

    public override string KindDescription => "an object";
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(LocationInfo location, IReadOnlyList<JsonNode> items)
        : base(location) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override string KindDescription => "an array";
}

internal enum JsonScalarKind
{
    String,
    Number,
    True,
    False,
    Null,
}

internal sealed class JsonScalar : JsonNode
{
    public JsonScalar(LocationInfo location, JsonScalarKind kind, string text)
        : base(location)
    {
        Kind = kind;
        Text = text;
    }

    public JsonScalarKind Kind { get; }

    /// <summary>The unescaped string, or the number, <c>true</c>, <c>false</c> or <c>null</c> as written.</summary>
    public string Text { get; }

    public override string KindDescription => Kind switch
    {
        JsonScalarKind.String => "a string",
        JsonScalarKind.Number => "a number",
        JsonScalarKind.Null => "null",
        _ => "a boolean",
    };
}

/// <summary>A key and its value: a value, held in its object's array, since every fact has several.</summary>
internal readonly record struct JsonMember(Located Key, JsonNode Value);
