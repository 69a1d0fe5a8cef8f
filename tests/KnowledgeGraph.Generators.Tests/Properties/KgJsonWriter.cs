using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KnowledgeGraph.Generators.Tests.Properties;

/// <summary>Writes a <see cref="KgCase"/> as the text of one .kg.json file, or of one of the files it is split into.</summary>
internal sealed class KgJsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly JsonStyle _style;
    private int _indent;
    private int _comment;

    private KgJsonWriter(JsonStyle style) => _style = style;

    /// <param name="part">The index of the file among <see cref="KgCase.Split"/>, or null for the whole model in one file.</param>
    public static string Write(KgCase model, int? part)
    {
        var writer = new KgJsonWriter(model.Style);
        writer.File(model, part);
        var text = writer._text.ToString();
        return model.Style.CrLf ? text.Replace("\n", "\r\n") : text;
    }

    private void File(KgCase model, int? part)
    {
        IEnumerable<T> Slice<T>(List<T> items, int section)
        {
            if (part is not { } index)
            {
                return items;
            }

            var skip = model.Split.Take(index).Sum(counts => counts[section]);
            return items.Skip(skip).Take(model.Split[index][section]);
        }

        var enums = Slice(model.Enums, 0).ToList();
        var entityTypes = Slice(model.EntityTypes, 1).ToList();
        var relationTypes = Slice(model.RelationTypes, 2).ToList();
        var entities = Slice(model.Entities, 3).ToList();
        var facts = Slice(model.Facts, 4).ToList();

        Comment("A random model of the property tests");
        var members = new List<(string Key, Action Value)>();
        if (_style.SchemaKey)
        {
            members.Add(("$schema", () => String("../kg.schema.json")));
        }

        if (model.Namespace is { } ns && (part is null || model.NamespaceIn[part.Value]))
        {
            members.Add(("namespace", () => String(ns)));
        }

        members.Add(("graph", () => String(model.Graph)));
        if (enums.Count > 0)
        {
            members.Add(("enums", () => Object(enums.Select(e => (e.Name, (Action)(() => Enum(e)))))));
        }

        if (entityTypes.Count > 0)
        {
            members.Add(("entityTypes", () => Object(entityTypes.Select(t => (t.Name, (Action)(() => EntityType(t)))))));
        }

        if (relationTypes.Count > 0)
        {
            members.Add(("relationTypes", () => Object(relationTypes.Select(t => (t.Name, (Action)(() => RelationType(t)))))));
        }

        if (entities.Count > 0)
        {
            members.Add(("entities", () => Object(entities.Select(e => (e.Id, (Action)(() => Entity(e)))))));
        }

        if (facts.Count > 0 || (part is null && model.Facts.Count == 0))
        {
            members.Add(("relations", () => Array(facts.Select(f => (Action)(() => Fact(f))))));
        }

        Object(members);
        Line();
    }

    private void Enum(EnumDecl type)
    {
        if (!type.ObjectForm && type.Description is null)
        {
            Array(type.Values.Select(v => (Action)(() => String(v))));
            return;
        }

        var members = new List<(string, Action)>();
        if (type.Description is { } description)
        {
            members.Add(("description", () => String(description)));
        }

        members.Add(("values", () => Array(type.Values.Select(v => (Action)(() => String(v))))));
        Object(members);
    }

    private void EntityType(EntityTypeDecl type)
    {
        var members = new List<(string, Action)>();
        if (type.IsAbstract)
        {
            members.Add(("abstract", () => Raw("true")));
        }

        if (type.Base is { } parent)
        {
            members.Add(("extends", () => String(parent.Name)));
        }

        if (type.Description is { } description)
        {
            members.Add(("description", () => String(description)));
        }

        if (type.Properties.Count > 0)
        {
            members.Add(("properties", () => Properties(type.Properties)));
        }

        Object(members);
    }

    private void RelationType(RelationTypeDecl type)
    {
        var members = new List<(string, Action)>();
        if (type.IsAbstract)
        {
            members.Add(("abstract", () => Raw("true")));
        }

        if (type.Base is { } parent)
        {
            members.Add(("extends", () => String(parent.Name)));
        }

        if (type.DeclaredFrom is { } from)
        {
            members.Add(("from", () => String(from.Name)));
        }

        if (type.DeclaredTo is { } to)
        {
            members.Add(("to", () => String(to.Name)));
        }

        if (type.Inverse is { } inverse)
        {
            members.Add(("inverse", () => String(inverse)));
        }

        if (type.DeclaredCardinality is { } cardinality)
        {
            members.Add(("cardinality", () => String(cardinality)));
        }

        if (type.DeclaresSymmetric)
        {
            members.Add(("symmetric", () => Raw("true")));
        }

        if (type.Description is { } description)
        {
            members.Add(("description", () => String(description)));
        }

        if (type.Properties.Count > 0)
        {
            members.Add(("properties", () => Properties(type.Properties)));
        }

        if (type.Roles.Count > 0)
        {
            members.Add(("roles", () => Object(type.Roles.Select(role => (role.Name, (Action)(() => Role(role)))))));
        }

        Object(members);
    }

    private void Role(RoleDecl role)
    {
        if (!role.ObjectForm && role.Inverse is null && role.Description is null)
        {
            String(role.TypeText);
            return;
        }

        var members = new List<(string, Action)> { ("type", () => String(role.TypeText)) };
        if (role.Inverse is { } inverse)
        {
            members.Add(("inverse", () => String(inverse)));
        }

        if (role.Description is { } description)
        {
            members.Add(("description", () => String(description)));
        }

        Object(members);
    }

    private void Properties(List<PropDecl> properties) => Object(properties.Select(p => (p.Name, (Action)(() => Property(p)))));

    private void Property(PropDecl property)
    {
        if (!property.ObjectForm)
        {
            String(property.TypeText);
            return;
        }

        var members = new List<(string, Action)> { ("type", () => String(property.TypeText)) };
        if (property.Description is { } description)
        {
            members.Add(("description", () => String(description)));
        }

        if (property.Key)
        {
            members.Add(("key", () => Raw("true")));
        }
        else if (property.Unique)
        {
            members.Add(("unique", () => Raw("true")));
        }

        if (property.Pattern is { } pattern)
        {
            members.Add(("pattern", () => String(pattern.Regex)));
        }

        if (property.MinText is { } min)
        {
            members.Add(("min", () => Raw(min)));
        }

        if (property.MaxText is { } max)
        {
            members.Add(("max", () => Raw(max)));
        }

        if (property.MinItems is { } minItems)
        {
            members.Add(("minItems", () => Raw(minItems.ToString(CultureInfo.InvariantCulture))));
        }

        Object(members);
    }

    private void Entity(EntityDecl entity) => Object(entity.Members.Select(m => (m.Key, (Action)(() => Value(m.Value)))));

    private void Fact(FactDecl fact)
    {
        if (fact.PreferArray && fact.Members.Count == 0 && fact.Sources.Count == 0)
        {
            Inline(() =>
            {
                _text.Append('[');
                String(fact.From.Id);
                _text.Append(", ");
                String(fact.Type.Name);
                _text.Append(", ");
                String(fact.To.Id);
                _text.Append(']');
            });
            return;
        }

        var members = fact.Members.Select(m => (m.Key, (Action)(() => Value(m.Value)))).ToList();
        if (fact.Sources.Count > 0)
        {
            Action sources = fact.Sources.Count == 1 && fact.SourceAsString
                ? () => String(fact.Sources[0].Id)
                : () => Inline(() => Array(fact.Sources.Select(s => (Action)(() => String(s.Id)))));
            members.Insert(Math.Min(fact.SourcePosition, members.Count), ("source", sources));
        }

        var ends = new (string, Action)[] { ("from", () => String(fact.From.Id)), ("type", () => String(fact.Type.Name)), ("to", () => String(fact.To.Id)) };
        for (var i = 0; i < 3; i++)
        {
            members.Insert(Math.Min(fact.EndPositions[i], members.Count), ends[i]);
        }

        Object(members);
    }

    private void Value(Json value)
    {
        switch (value)
        {
            case JsonString text:
                String(text.Value);
                break;
            case JsonToken token:
                Raw(token.Text);
                break;
            case JsonArray array:
                Inline(() => Array(array.Items.Select(item => (Action)(() => Value(item)))));
                break;
        }
    }

    // Arrays of values and sources go on one line whatever the style: it exercises both layouts.
    private bool _inline;

    private void Inline(Action write)
    {
        var was = _inline;
        _inline = true;
        write();
        _inline = was;
    }

    private void Object(IEnumerable<(string Key, Action Value)> members) => Container('{', '}', members.Select(m => (Action)(() =>
    {
        String(m.Key);
        _text.Append(": ");
        m.Value();
    })));

    private void Array(IEnumerable<Action> items) => Container('[', ']', items);

    private void Container(char open, char close, IEnumerable<Action> items)
    {
        var list = items.ToList();
        _text.Append(open);
        if (list.Count == 0)
        {
            _text.Append(close);
            return;
        }

        var indented = _style.Indented && !_inline;
        _indent++;
        for (var i = 0; i < list.Count; i++)
        {
            if (indented)
            {
                Line();
                if (_style.Comments && ++_comment % 7 == 0)
                {
                    _text.Append("// a comment, with \"quotes\" and a trailing comma,");
                    Line();
                }
            }
            else if (i > 0)
            {
                _text.Append(' ');
            }

            list[i]();
            if (i < list.Count - 1 || (_style.TrailingCommas && indented))
            {
                _text.Append(',');
            }

            if (!indented && _style.Comments && ++_comment % 11 == 0)
            {
                _text.Append(" /* an inline comment */");
            }
        }

        _indent--;
        if (indented)
        {
            Line();
        }

        _text.Append(close);
    }

    private void Comment(string text)
    {
        if (_style.Comments)
        {
            _text.Append("// ").Append(text).Append('\n');
        }
    }

    private void Line()
    {
        _text.Append('\n');
        _text.Append(' ', _indent * 2);
    }

    private void Raw(string token) => _text.Append(token);

    private static bool IsInvisible(char c) =>
        c is '\u007F' or '\u0085' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control;

    private void String(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                case '\b':
                    _text.Append("\\b");
                    break;
                case '\f':
                    _text.Append("\\f");
                    break;
                case '/' when _style.EscapeSlash:
                    _text.Append("\\/");
                    break;
                default:
                    // Invisible characters are always escaped, so that a printed failing model shows them.
                    if (c < 0x20 || (c > 0x7E && _style.EscapeNonAscii) || IsInvisible(c))
                    {
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }
}
