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

    public abstract JsonKind Kind { get; }

    /// <summary>How the value reads in a message: "an object", "a string", …</summary>
    public string KindDescription => Describe(Kind);

    /// <summary>How a value of <paramref name="kind"/> reads in a message.</summary>
    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(LocationInfo location, IReadOnlyList<JsonMember> members)
        : base(location) => Members = members;

    /// <summary>The members in file order, duplicates kept, so that a repeated key can be reported.</summary>
    public IReadOnlyList<JsonMember> Members { get; }

    public override JsonKind Kind => JsonKind.Object;
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(LocationInfo location, IReadOnlyList<JsonNode> items)
        : base(location) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override JsonKind Kind => JsonKind.Array;
}

internal sealed class JsonScalar : JsonNode
{
    /// <param name="kind">String, Number, True, False or Null.</param>
    public JsonScalar(LocationInfo location, JsonKind kind, string text)
        : base(location)
    {
        Kind = kind;
        Text = text;
    }

    public override JsonKind Kind { get; }

    /// <summary>The unescaped string, or the number, <c>true</c>, <c>false</c> or <c>null</c> as written.</summary>
    public string Text { get; }
}

/// <summary>What a JSON value is.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A key and its value: a value, held in its object's array, since every fact has several.</summary>
internal readonly record struct JsonMember(Located Key, JsonNode Value);

/// <summary>
/// A value read by <see cref="JsonSource.ReadFields"/>, or one of the members or items it holds: a scalar as its text,
/// and a value nested in a member or item as a tree. A value, not an object: a fact is read into a few of them, kept
/// in one list for every fact, and no tree is made for the fact itself.
/// </summary>
/// <param name="Key">The member's key; null for an item, and for the value read.</param>
/// <param name="KeyLocation">Where the key stands.</param>
/// <param name="Kind">The value's kind.</param>
/// <param name="Text">A scalar's text, as <see cref="JsonScalar.Text"/>; empty for an object or an array.</param>
/// <param name="Location">Where the value stands, from its first character to its last.</param>
/// <param name="Node">The tree of a nested object or array; null for a scalar and for the value read.</param>
internal readonly record struct JsonField(string? Key, LocationInfo KeyLocation, JsonKind Kind, string Text, LocationInfo Location, JsonNode? Node)
{
    public string KindDescription => JsonNode.Describe(Kind);

    /// <summary>The key with its location, made when it is kept or reported.</summary>
    public Located LocatedKey => new(Key!, KeyLocation);

    /// <summary>A scalar's text with its location.</summary>
    public Located LocatedText => new(Text, Location);
}
