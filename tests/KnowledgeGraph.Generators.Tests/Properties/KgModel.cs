using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;

namespace KnowledgeGraph.Generators.Tests.Properties;

// The abstract form of a random model: what the property tests generate, before it is written as one or more
// .kg.json files. Every name is as written in the file; ClassName/MemberName are the C# names it must become.

internal enum ValueKind { String, Int, Long, Double, Decimal, Bool, Date, DateTime, Uri, Enum }

internal enum RoleKind { Required, Optional, List }

/// <summary>A JSON value of a fact: a string, a raw token (number, true, false, null) or an array.</summary>
internal abstract record Json;

internal sealed record JsonString(string Value) : Json;

internal sealed record JsonToken(string Text) : Json
{
    public static readonly JsonToken Null = new("null");
}

internal sealed record JsonArray(IReadOnlyList<Json> Items) : Json;

/// <summary>A string pattern and a way to make values that match it (the n-th value for unique properties).</summary>
internal sealed record PatternSpec(string Regex, bool Finite, Func<int, Draw, string> Make);

internal sealed class EnumDecl
{
    public required string Name { get; init; }

    public required string ClassName { get; init; }

    public string? Description { get; init; }

    public bool ObjectForm { get; init; }

    public List<string> Values { get; } = [];
}

internal sealed class PropDecl
{
    public required string Name { get; init; }

    public required string MemberName { get; init; }

    public required ValueKind Kind { get; init; }

    public EnumDecl? Enum { get; init; }

    public bool IsList { get; init; }

    public bool IsOptional { get; init; }

    /// <summary>The type as written: <c>int</c>, <c> Role[] </c>, <c>date?</c>.</summary>
    public required string TypeText { get; init; }

    public bool ObjectForm { get; init; }

    public string? Description { get; init; }

    public bool Unique { get; init; }

    public bool Key { get; init; }

    public PatternSpec? Pattern { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? MinText { get; init; }

    public string? MaxText { get; init; }

    public int? MinItems { get; init; }

    /// <summary>Lists may be left out and optional values may be left out or null; the rest must be given.</summary>
    public bool MustBeGiven => (!IsList && !IsOptional) || MinItems > 0;
}

internal sealed class EntityTypeDecl
{
    public required string Name { get; init; }

    public required string ClassName { get; init; }

    public EntityTypeDecl? Base { get; init; }

    public bool IsAbstract { get; set; }

    public string? Description { get; set; }

    public List<PropDecl> Properties { get; } = [];

    /// <summary>Every C# member name the generated class declares: properties and navigations.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Navigation member names, by kind, for checks of the generated API.</summary>
    public List<string> Navigations { get; } = [];

    public IEnumerable<EntityTypeDecl> SelfAndAncestors()
    {
        for (var type = this; type is not null; type = type.Base)
        {
            yield return type;
        }
    }

    public bool Is(EntityTypeDecl other) => SelfAndAncestors().Contains(other);

    public bool IsRelatedTo(EntityTypeDecl other) => Is(other) || other.Is(this);

    public IEnumerable<PropDecl> AllProperties() => SelfAndAncestors().Reverse().SelectMany(type => type.Properties);
}

internal sealed class RoleDecl
{
    public required string Name { get; init; }

    public required string MemberName { get; init; }

    public required EntityTypeDecl Type { get; init; }

    public required RoleKind Kind { get; init; }

    public string? Inverse { get; init; }

    public string? Description { get; init; }

    public bool ObjectForm { get; init; }

    public string TypeText => Type.Name + Kind switch { RoleKind.Optional => "?", RoleKind.List => "[]", _ => "" };
}

internal sealed class RelationTypeDecl
{
    public required string Name { get; init; }

    public required string ClassName { get; init; }

    public RelationTypeDecl? Base { get; init; }

    public bool IsAbstract { get; init; }

    public EntityTypeDecl? DeclaredFrom { get; init; }

    public EntityTypeDecl? DeclaredTo { get; init; }

    public required EntityTypeDecl From { get; init; }

    public required EntityTypeDecl To { get; init; }

    public string? Inverse { get; set; }

    public string? DeclaredCardinality { get; init; }

    public required string Cardinality { get; init; }

    public bool DeclaresSymmetric { get; init; }

    public bool IsSymmetric { get; init; }

    public string? Description { get; set; }

    public List<PropDecl> Properties { get; } = [];

    public List<RoleDecl> Roles { get; } = [];

    /// <summary>C# member names of the relation class: its properties and roles.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    public bool IsSingleForward => Cardinality is "many-to-one" or "one-to-one";

    public bool IsSingleInverse => Cardinality is "one-to-many" or "one-to-one";

    public IEnumerable<RelationTypeDecl> SelfAndAncestors()
    {
        for (var type = this; type is not null; type = type.Base)
        {
            yield return type;
        }
    }

    public IEnumerable<PropDecl> AllProperties() => SelfAndAncestors().Reverse().SelectMany(type => type.Properties);

    public IEnumerable<RoleDecl> AllRoles() => SelfAndAncestors().Reverse().SelectMany(type => type.Roles);
}

internal sealed class EntityDecl
{
    public required string Id { get; init; }

    public required string MemberName { get; init; }

    public required EntityTypeDecl Type { get; init; }

    public string? Description { get; init; }

    /// <summary>The keys of the entity's object in file order, "type" and "description" included.</summary>
    public List<(string Key, Json Value)> Members { get; } = [];
}

internal sealed class FactDecl
{
    public required EntityDecl From { get; init; }

    public required RelationTypeDecl Type { get; init; }

    public required EntityDecl To { get; init; }

    /// <summary>Property and role values, validity; in file order, without from/type/to and sources.</summary>
    public List<(string Key, Json Value)> Members { get; } = [];

    public List<EntityDecl> Sources { get; } = [];

    /// <summary>Where "source" goes among the keys, and whether one source is written as a plain string.</summary>
    public int SourcePosition { get; set; }

    public bool SourceAsString { get; set; }

    /// <summary>Written as [from, type, to] when it has nothing else.</summary>
    public bool PreferArray { get; set; }

    /// <summary>Where "from", "type" and "to" go among the keys.</summary>
    public int[] EndPositions { get; set; } = [0, 1, 2];

    public IEnumerable<EntityDecl> Mentions() =>
        Sources.Append(From).Append(To).Concat(RolePlayers);

    public List<EntityDecl> RolePlayers { get; } = [];

    public FactDecl CopyWith(EntityDecl from, EntityDecl to)
    {
        var copy = new FactDecl { From = from, Type = Type, To = to, PreferArray = PreferArray, EndPositions = EndPositions };
        copy.Members.AddRange(Members);
        copy.RolePlayers.AddRange(RolePlayers);
        return copy;
    }
}

/// <summary>How the files are written: whitespace, comments, trailing commas, escapes. None of it may change the output.</summary>
internal sealed record JsonStyle(bool Indented, bool Comments, bool TrailingCommas, bool EscapeNonAscii, bool EscapeSlash, bool SchemaKey, bool CrLf);

internal sealed class KgCase
{
    public string? Namespace { get; init; }

    public required string Graph { get; init; }

    public required string ExpectedNamespace { get; init; }

    public required string GraphClassName { get; init; }

    public required List<EnumDecl> Enums { get; init; }

    public required List<EntityTypeDecl> EntityTypes { get; init; }

    public required List<RelationTypeDecl> RelationTypes { get; init; }

    public required List<EntityDecl> Entities { get; init; }

    public required List<FactDecl> Facts { get; init; }

    public required JsonStyle Style { get; init; }

    /// <summary>For each of 2–3 files: how many enums, entity types, relation types, entities and facts it holds.</summary>
    public required int[][] Split { get; init; }

    /// <summary>The files in which "namespace" is written, when the model has one.</summary>
    public required bool[] NamespaceIn { get; init; }

    public ulong ElementCount =>
        (ulong)(Enums.Count + EntityTypes.Count + RelationTypes.Count + Entities.Count + Facts.Count
            + EntityTypes.Sum(t => t.Properties.Count) + RelationTypes.Sum(t => t.Properties.Count + t.Roles.Count));

    public ModelFile SingleFile() => new("/project/model.kg.json", KgJsonWriter.Write(this, null));

    public ModelFile[] SplitFiles() =>
        Enumerable.Range(0, Split.Length)
            .Select(index => new ModelFile($"/project/part{index}.kg.json", KgJsonWriter.Write(this, index)))
            .ToArray();

    public override string ToString() => SingleFile().Content;
}
