using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Generators.Tests.Properties;
using Microsoft.CodeAnalysis.CSharp;

namespace KnowledgeGraph.Generators.Tests.Fuzzing;

/// <summary>
/// Hand-made hostile inputs, each under a name of the form <c>family/variant</c>: broken JSON at every kind of
/// spot, escapes and characters the reader or Roslyn treat specially, names C# or the runtime already uses,
/// payloads that try to leave a string or a comment in the generated code, sizes and depths, and the broken
/// schemas and facts the format forbids. Built in code (some are megabytes), the same on every run.
/// </summary>
internal static class AdversarialCorpus
{
    public static IEnumerable<FuzzInput> All() =>
        Syntax()
            .Concat(Escapes())
            .Concat(LineTerminators())
            .Concat(ByteOrderMarks())
            .Concat(Nesting())
            .Concat(Numbers())
            .Concat(LongNames())
            .Concat(Keywords())
            .Concat(RuntimeNames())
            .Concat(Injections())
            .Concat(Inheritance())
            .Concat(Patterns())
            .Concat(Bounds())
            .Concat(Facts())
            .Concat(Files())
            .Concat(Reused());

    /// <summary>A JSON string literal of <paramref name="text"/>: quotes, backslashes and control characters escaped, the rest as is.</summary>
    public static string J(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    /// <summary>A small valid model with a hole; every kind of value the format knows appears around it.</summary>
    private static string Model(string hole = "", string entityHole = "", string relationHole = "") => $$"""
        {
          "graph": "G",
          "enums": { "Kind": { "values": ["big", "small"] } },
          "entityTypes": {
            "Agent": { "abstract": true, "properties": { "name": "string" } },
            "Person": { "extends": "Agent", "properties": { "age": "int?", "born": "date?", "tags": "string[]", "kind": "Kind?", "home": "uri?", "score": "double?" } }
          },
          "relationTypes": {
            "knows": { "from": "Person", "to": "Person", "inverse": "knownBy", "properties": { "since": "date?" } }
          },
          "entities": {
            "ada": { "type": "Person", "name": "Ada", "tags": [] },
            "bob": { "type": "Person", "name": "Bob", "tags": ["x"]{{entityHole}} }
          },
          "relations": [
            ["ada", "knows", "bob"],
            { "from": "bob", "type": "knows", "to": "ada", "since": "2025-02-12" }{{relationHole}}
          ]{{hole}}
        }
        """;

    // ---- broken JSON at every kind of spot ----

    private static readonly (string Name, string Text)[] BrokenValues =
    [
        ("unterminated-string", "\"open"), ("single-quotes", "'x'"), ("leading-zero", "01"), ("plus-sign", "+1"),
        ("bare-dot", "1."), ("bare-exponent", "1e"), ("lone-minus", "-"), ("nan", "NaN"), ("infinity", "-Infinity"),
        ("hex", "0x10"), ("truncated-true", "tru"), ("truncated-null", "nul"), ("bad-escape", "\"\\x41\""),
        ("short-unicode-escape", "\"\\u12\""), ("raw-control-character", "\"a\u0001b\""), ("raw-tab", "\"a\tb\""),
        ("raw-newline", "\"a\nb\""), ("double-comma", "[1,,2]"), ("comma-only-object", "{,}"), ("missing-colon", "{\"a\" 1}"),
        ("missing-value", "{\"a\":}"), ("unterminated-comment", "/* open"), ("line-comment-to-end", "// nothing after"),
        ("closing-brace", "}"), ("closing-bracket", "]"), ("opening-brace", "{"), ("opening-bracket", "["), ("colon", ":"),
        ("comma", ","), ("two-values", "\"a\" \"b\""), ("unquoted-word", "Person"), ("empty", ""), ("nul-character", "\0"),
        ("replacement-character", "\uFFFD"), ("lone-surrogate-character", "\uD800"),
    ];

    private static IEnumerable<FuzzInput> Syntax()
    {
        foreach (var (name, bad) in BrokenValues)
        {
            yield return new($"syntax/{name}/whole-file", bad);
            yield return new($"syntax/{name}/top-level-key", Model(hole: ",\n  " + bad));
            yield return new($"syntax/{name}/entity-value", Model(entityHole: ", \"age\": " + bad));
            yield return new($"syntax/{name}/relation", Model(relationHole: ",\n    " + bad));
            yield return new($"syntax/{name}/type-declaration", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"p\": " + bad + " } } } }");
            yield return new($"syntax/{name}/after-root", Model() + bad);
        }

        // Every prefix of a small model: the reader stops at every kind of token.
        var model = Model();
        for (var length = 0; length < model.Length; length += 13)
        {
            yield return new($"syntax/truncated/{length}", model[..length]);
        }

        yield return new("syntax/missing-comma-between-members", Model().Replace("\"graph\": \"G\",", "\"graph\": \"G\""));
        yield return new("syntax/missing-comma-between-items", Model().Replace("[\"ada\", \"knows\", \"bob\"],", "[\"ada\", \"knows\", \"bob\"]"));
    }

    // ---- escapes: lone surrogates and other escapes .NET reads specially ----

    private static IEnumerable<FuzzInput> Escapes()
    {
        (string Name, string Json)[] escapes =
        [
            ("lone-high-surrogate", "\"\\ud800\""), ("lone-low-surrogate", "\"\\udc00\""), ("reversed-pair", "\"\\udc00\\ud800\""),
            ("high-then-letter", "\"\\ud800A\""), ("high-then-escaped-letter", "\"\\ud800\\u0041\""), ("valid-pair", "\"\\ud83d\\ude80\""),
            ("nul-escape", "\"\\u0000\""), ("escaped-slash", "\"\\/\""), ("bom-escape", "\"\\ufeff\""), ("noncharacter", "\"\\uffff\""),
        ];
        foreach (var (name, json) in escapes)
        {
            yield return new($"escapes/{name}/whole-file", json);
            yield return new($"escapes/{name}/description", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"description\": " + json + " } } }");
            yield return new($"escapes/{name}/key", Model(entityHole: ", " + json + ": 1"));
            yield return new($"escapes/{name}/string-value", Model(entityHole: ", \"name\": " + json).Replace("\"name\": \"Bob\", ", ""));
            yield return new($"escapes/{name}/entity-id", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {} }, \"entities\": { " + json + ": { \"type\": \"T\" } } }");
            yield return new($"escapes/{name}/type-name", "{ \"graph\": \"G\", \"entityTypes\": { " + json + ": {} } }");
            yield return new($"escapes/{name}/graph-name", "{ \"graph\": " + json + " }");
            yield return new($"escapes/{name}/namespace", "{ \"graph\": \"G\", \"namespace\": " + json + " }");
        }

        yield return new("escapes/lone-surrogate-character-in-string", Model(entityHole: ", \"tags\": [\"a\uD800b\"]"));
        yield return new("escapes/lone-surrogate-character-in-comment", "// \uDC00\n" + Model(relationHole: ",\n    [\"ada\", \"knows\", \"nobody\"]"));
    }

    // ---- every line end before an error, so that lines are counted as Roslyn counts them ----

    private static IEnumerable<FuzzInput> LineTerminators()
    {
        (string Name, string Text)[] ends = [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r"), ("nel", "\u0085"), ("line-separator", "\u2028"), ("paragraph-separator", "\u2029")];
        foreach (var (name, end) in ends)
        {
            var lines = $"{{{end}  \"graph\": \"G\",{end}  \"entities\": {{{end}    \"a\": {{ \"type\": \"Nobody\" }}{end}  }}{end}}}";
            yield return new($"line-ends/{name}/between-tokens-then-unknown-type", lines);
            yield return new($"line-ends/{name}/between-tokens-then-syntax-error", lines.Replace("\"Nobody\" }", "\"Nobody\" ] }"));
            yield return new($"line-ends/{name}/in-line-comment", $"// one{end}// two{end}{{ \"graph\": \"G\" \"x\": 1 }}");
            yield return new($"line-ends/{name}/in-block-comment", $"/* one{end}two{end}*/{{ \"graph\": \"G\",{end}\"entities\": {{ \"a\": {{ \"type\": \"Nobody\" }} }} }}");
            yield return new($"line-ends/{name}/in-string-then-syntax-error", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"description\": \"a{end}b{end}c\" }} }}\n,, }}");
            yield return new($"line-ends/{name}/in-string-then-unknown-type", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"description\": \"a{end}b\" }} }},\n\"entities\": {{ \"a\": {{ \"type\": \"Nobody\" }} }} }}");
            yield return new($"line-ends/{name}/at-end-of-file", $"{{ \"graph\": \"G\", \"entities\": {{ \"a\": {{ \"type\": \"Nobody\" }} }} }}{end}{end}");
            yield return new($"line-ends/{name}/in-name", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T{end}U\": {{}} }}, \"entities\": {{ \"a{end}b\": {{ \"type\": \"T{end}U\" }} }} }}");
        }
    }

    // ---- byte order marks ----

    private static IEnumerable<FuzzInput> ByteOrderMarks()
    {
        const string Bom = "\uFEFF";
        yield return new("bom/only", Bom);
        yield return new("bom/before-model", Bom + Model());
        yield return new("bom/twice", Bom + Bom + Model());
        yield return new("bom/between-tokens", Model().Replace("\"graph\": \"G\",", "\"graph\":" + Bom + " \"G\","));
        yield return new("bom/before-error", Bom + "{ \"graph\": \"G\", \"entities\": { \"a\": { \"type\": \"Nobody\" } } }");
        yield return new("bom/in-name", "{ \"graph\": \"G\", \"entityTypes\": { \"" + Bom + "T\": {} }, \"entities\": { \"a" + Bom + "\": { \"type\": \"" + Bom + "T\" } } }");
        yield return new("bom/utf16-text-as-characters", "\u00FF\u00FE{\0\"\0");
    }

    // ---- nesting and size ----

    private static IEnumerable<FuzzInput> Nesting()
    {
        foreach (var depth in new[] { 62, 63, 64, 65, 1_000, 100_000 })
        {
            yield return new($"nesting/arrays-{depth}", new string('[', depth) + new string(']', depth));
            yield return new($"nesting/objects-{depth}", string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
            yield return new($"nesting/in-entity-value-{depth}", Model(entityHole: ", \"tags\": " + new string('[', depth) + new string(']', depth)));
            yield return new($"nesting/unclosed-{depth}", new string('{', depth));
        }

        yield return new("nesting/many-entities", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {} }, \"entities\": { "
            + string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"e{i}\": {{ \"type\": \"T\" }}")) + " } }");
        yield return new("nesting/long-string", Model(entityHole: ", \"tags\": [" + J(new string('x', 1_000_000)) + "]"));
        yield return new("nesting/long-whitespace", new string(' ', 1_000_000) + Model());
        yield return new("nesting/long-comment", "/*" + new string('*', 1_000_000) + "*/" + Model());
    }

    // ---- numbers at and beyond the edges of their types ----

    private static readonly string[] ExtremeNumbers =
    [
        "1e400", "-1e400", "1e-400", "1e20", "-1e20", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
        "79228162514264337593543950336", "0.5", "-0", "-0.0", "1E+2", "1.0", "123456789012345678901234567890123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000000000001", "1" + new string('0', 10_000),
    ];

    /// <summary>Each extreme number as the value of one entity, for each property type; as minItems; and where a name belongs.</summary>
    private static IEnumerable<FuzzInput> Numbers()
    {
        foreach (var type in new[] { "int", "long", "double", "decimal", "date", "string", "bool", "uri", "Kind", "int[]" })
        {
            var entities = ExtremeNumbers.Select((n, i) => $"\"e{i}\": {{ \"type\": \"T\", \"p\": {(type == "int[]" ? $"[{n}]" : n)} }}");
            yield return new($"numbers/{type}",
                $"{{ \"graph\": \"G\", \"enums\": {{ \"Kind\": {{ \"values\": [\"a\"] }} }}, \"entityTypes\": {{ \"T\": {{ \"properties\": {{ \"p\": \"{type}\" }} }} }}, \"entities\": {{ {string.Join(", ", entities)} }} }}");
        }

        var minItems = ExtremeNumbers.Select((n, i) => $"\"p{i}\": {{ \"type\": \"string[]\", \"minItems\": {n} }}");
        yield return new("numbers/min-items", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"properties\": {{ {string.Join(", ", minItems)} }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }} }}");
        yield return new("numbers/as-names", ExtremeNumbers.Select((n, i) =>
            new ModelFile($"n{i}.kg.json", $"{{ \"graph\": {n}, \"namespace\": {n}, \"entityTypes\": {{ \"T\": {{ \"abstract\": {n} }} }} }}")).ToArray());
    }

    // ---- names longer than metadata allows, in ASCII and in CJK (three bytes a character in UTF-8) ----

    private static IEnumerable<FuzzInput> LongNames()
    {
        // Just past the limit for an entity's property getter (get_ + 1,020 ASCII or 342 CJK characters), and far past it.
        foreach (var (script, letter, length) in new[] { ("ascii", 'a', 1_020), ("cjk", '東', 342), ("cjk", '東', 1_100) })
        {
            var n = new string(letter, length);
            var p = $"long-names/{script}-{length}";
            yield return new($"{p}/entity-id", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"T\", \"to\": \"T\" }} }}, \"entities\": {{ {J(n)}: {{ \"type\": \"T\" }} }}, \"relations\": [[{J(n)}, \"r\", {J(n)}]] }}");
            yield return new($"{p}/entity-type", $"{{ \"graph\": \"G\", \"entityTypes\": {{ {J(n)}: {{}} }}, \"entities\": {{ \"a\": {{ \"type\": {J(n)} }} }} }}");
            yield return new($"{p}/property", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"properties\": {{ {J(n)}: \"int\" }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\", {J(n)}: 1 }} }} }}");
            yield return new($"{p}/relation-type", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ {J(n)}: {{ \"from\": \"T\", \"to\": \"T\" }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }}, \"relations\": [[\"a\", {J(n)}, \"a\"]] }}");
            yield return new($"{p}/inverse", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"T\", \"to\": \"T\", \"inverse\": {J(n)} }} }} }}");
            yield return new($"{p}/role", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"T\", \"to\": \"T\", \"roles\": {{ {J(n)}: \"T?\" }} }} }} }}");
            yield return new($"{p}/enum", $"{{ \"graph\": \"G\", \"enums\": {{ {J(n)}: {{ \"values\": [\"a\"] }} }}, \"entityTypes\": {{ \"T\": {{ \"properties\": {{ \"p\": {J(n + "?")} }} }} }} }}");
            yield return new($"{p}/enum-value", $"{{ \"graph\": \"G\", \"enums\": {{ \"E\": {{ \"values\": [{J(n)}] }} }}, \"entityTypes\": {{ \"T\": {{ \"properties\": {{ \"p\": \"E\" }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\", \"p\": {J(n)} }} }} }}");
            yield return new($"{p}/graph", $"{{ \"graph\": {J(n)}, \"entityTypes\": {{ \"T\": {{}} }} }}");
            yield return new($"{p}/namespace", $"{{ \"graph\": \"G\", \"namespace\": {J(n)}, \"entityTypes\": {{ \"T\": {{}} }} }}");
            yield return new($"{p}/description", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"description\": {J(n)} }} }} }}");
        }
    }

    // ---- C# keywords, contextual keywords and `global` in every place a name goes ----

    private static readonly string[] CSharpKeywords =
        SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText)
            .Concat(["global", "value", "var", "dynamic", "nameof", "record", "file", "required", "scoped", "field", "partial", "async", "await", "yield", "when", "where", "args"])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static IEnumerable<FuzzInput> Keywords()
    {
        // Relation types, inverses and roles cost the most code each: every third keyword is enough for them.
        var everyThird = CSharpKeywords.Where((_, i) => i % 3 == 0).ToList();
        foreach (var input in NamesEverywhere("keywords", CSharpKeywords, "TestProject").Where(input => !IsRelationPlace(input.Name))
            .Concat(NamesEverywhere("keywords-sampled", everyThird, "TestProject").Where(input => IsRelationPlace(input.Name))))
        {
            yield return input;
        }

        // Each keyword as the graph and as a namespace of its own: one file per graph.
        yield return new("keywords/graphs", CSharpKeywords.Select((k, i) => new ModelFile($"g{i}.kg.json", $"{{ \"graph\": {J(k)}, \"entityTypes\": {{ \"T\": {{}} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }} }}")).ToArray());
        yield return new("keywords/namespaces", CSharpKeywords.Select((k, i) => new ModelFile($"n{i}.kg.json", $"{{ \"graph\": \"G{i}\", \"namespace\": {J(k + "." + k)}, \"entityTypes\": {{ \"T\": {{}} }} }}")).ToArray());
        yield return new("keywords/root-namespace", [new ModelFile("r.kg.json", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {} } }")], "class.global.int");
    }

    private static bool IsRelationPlace(string name) =>
        name.EndsWith("/relation-types", StringComparison.Ordinal) || name.EndsWith("/inverses", StringComparison.Ordinal) || name.EndsWith("/roles", StringComparison.Ordinal);

    /// <summary>Each name of <paramref name="names"/> as an entity type, property, relation type, inverse, role, enum, enum value and entity id, one input per place.</summary>
    private static IEnumerable<FuzzInput> NamesEverywhere(string family, IReadOnlyList<string> names, string ns)
    {
        string Head(string rest) => $"{{ \"graph\": \"G\", \"namespace\": {J(ns)}, {rest} }}";
        var types = string.Join(", ", names.Select(n => $"{J(n)}: {{ \"properties\": {{ \"name\": \"string?\" }} }}"));
        var entitiesOfTypes = string.Join(", ", names.Select((n, i) => $"\"e{i}\": {{ \"type\": {J(n)} }}"));
        yield return new($"{family}/{ns}/entity-types", Head($"\"entityTypes\": {{ {types} }}, \"entities\": {{ {entitiesOfTypes} }}"));

        var properties = string.Join(", ", names.Select(n => $"{J(n)}: \"string?\""));
        var values = string.Join(", ", names.Select(n => $"{J(n)}: \"v\""));
        yield return new($"{family}/{ns}/properties", Head($"\"entityTypes\": {{ \"T\": {{ \"properties\": {{ {properties} }} }} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"T\", \"to\": \"T\", \"properties\": {{ {properties} }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\", {values} }} }}, \"relations\": [{{ \"from\": \"a\", \"type\": \"r\", \"to\": \"a\", {values} }}]"));

        var relationTypes = string.Join(", ", names.Select(n => $"{J(n)}: {{ \"from\": \"T\", \"to\": \"T\" }}"));
        var facts = string.Join(", ", names.Select(n => $"[\"a\", {J(n)}, \"a\"]"));
        yield return new($"{family}/{ns}/relation-types", Head($"\"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ {relationTypes} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }}, \"relations\": [{facts}]"));

        var inverses = string.Join(", ", names.Select((n, i) => $"\"r{i}\": {{ \"from\": \"T\", \"to\": \"U\", \"inverse\": {J(n)} }}"));
        yield return new($"{family}/{ns}/inverses", Head($"\"entityTypes\": {{ \"T\": {{}}, \"U\": {{}} }}, \"relationTypes\": {{ {inverses} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }}, \"b\": {{ \"type\": \"U\" }} }}, \"relations\": [[\"a\", \"r0\", \"b\"]]"));

        var roles = string.Join(", ", names.Select(n => $"{J(n)}: \"T?\""));
        var players = string.Join(", ", names.Select(n => $"{J(n)}: \"a\""));
        yield return new($"{family}/{ns}/roles", Head($"\"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"T\", \"to\": \"T\", \"roles\": {{ {roles} }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }}, \"relations\": [{{ \"from\": \"a\", \"type\": \"r\", \"to\": \"a\", {players} }}]"));

        var enums = string.Join(", ", names.Select(n => $"{J(n)}: {{ \"values\": [\"a\"] }}"));
        var enumProperties = string.Join(", ", names.Select((n, i) => $"\"p{i}\": {J(n)}"));
        var enumValues = string.Join(", ", names.Select((_, i) => $"\"p{i}\": \"a\""));
        yield return new($"{family}/{ns}/enums", Head($"\"enums\": {{ {enums} }}, \"entityTypes\": {{ \"T\": {{ \"properties\": {{ {enumProperties} }} }} }}, \"entities\": {{ \"x\": {{ \"type\": \"T\", {enumValues} }} }}"));

        var members = string.Join(", ", names.Select(J));
        var enumFacts = string.Join(", ", names.Select((n, i) => $"\"x{i}\": {{ \"type\": \"T\", \"p\": {J(n)} }}"));
        yield return new($"{family}/{ns}/enum-values", Head($"\"enums\": {{ \"E\": {{ \"values\": [{members}] }} }}, \"entityTypes\": {{ \"T\": {{ \"properties\": {{ \"p\": \"E\" }} }} }}, \"entities\": {{ {enumFacts} }}"));

        var ids = string.Join(", ", names.Select(n => $"{J(n)}: {{ \"type\": \"T\" }}"));
        var idFacts = string.Join(", ", names.Select(n => $"[{J(n)}, \"r\", {J(names[0])}]"));
        yield return new($"{family}/{ns}/entity-ids", Head($"\"entityTypes\": {{ \"T\": {{}} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"T\", \"to\": \"T\" }} }}, \"entities\": {{ {ids} }}, \"relations\": [{idFacts}]"));
    }

    // ---- names of the types and namespaces generated code refers to ----

    /// <summary>The types generated code names (each <c>global::</c>-qualified today), and members its classes inherit.</summary>
    private static readonly string[] RuntimeTypeNames =
    [
        "Graph", "Entity", "Relation", "GraphContent", "GraphBuilder", "FactReader", "DatedValue", "RolePlayer", "Traverse",
        "UniqueValue", "Cardinality", "GeneratedCode", "GeneratedCodeAttribute", "IReadOnlyList", "ImmutableArray", "DateOnly",
        "DateTimeOffset", "Func", "Lazy", "Enumerable", "ReadOnlySpan", "Regex", "Uri", "String", "Object", "System",
        "KnowledgeGraph", "Global", "Default", "Entities", "Relations", "ToString", "Equals",
    ];

    private static readonly string[] RuntimeNamespaces =
    [
        "TestProject", "KnowledgeGraph", "System", "System.CodeDom.Compiler", "TestProject.System", "KnowledgeGraph.Traverse",
    ];

    private static IEnumerable<FuzzInput> RuntimeNames()
    {
        foreach (var ns in RuntimeNamespaces)
        {
            // Type names shadow in any namespace; member names only need checking once.
            foreach (var input in NamesEverywhere("runtime-names", RuntimeTypeNames, ns)
                .Where(input => (ns == "TestProject" && !input.Name.EndsWith("/roles", StringComparison.Ordinal)) || input.Name.EndsWith("/entity-types", StringComparison.Ordinal)
                    || input.Name.EndsWith("/relation-types", StringComparison.Ordinal) || input.Name.EndsWith("/enums", StringComparison.Ordinal)))
            {
                yield return input;
            }

            if (ns is not ("TestProject" or "KnowledgeGraph" or "System"))
            {
                continue;
            }

            yield return new($"runtime-names/{ns}/graphs", RuntimeTypeNames.Select((name, i) =>
                new ModelFile($"g{i}.kg.json", $"{{ \"graph\": {J(name)}, \"namespace\": {J(ns)}, \"entityTypes\": {{ \"T{i}\": {{}} }}, \"entities\": {{ \"a\": {{ \"type\": \"T{i}\" }} }} }}")).ToArray());
        }

        // The cases the issue names, one by one.
        yield return new("runtime-names/graph-Graph-in-KnowledgeGraph", "{ \"namespace\": \"KnowledgeGraph\", \"graph\": \"Graph\", \"entityTypes\": { \"T\": {} } }");
        yield return new("runtime-names/entity-in-KnowledgeGraph", "{ \"namespace\": \"KnowledgeGraph\", \"graph\": \"G\", \"entityTypes\": { \"Entity\": {} } }");
        yield return new("runtime-names/graph-content-in-KnowledgeGraph", "{ \"namespace\": \"KnowledgeGraph\", \"graph\": \"G\", \"entityTypes\": { \"GraphContent\": {} } }");
        yield return new("runtime-names/uri-in-System", "{ \"namespace\": \"System\", \"graph\": \"G\", \"entityTypes\": { \"Uri\": {}, \"T\": { \"properties\": { \"u\": \"uri?\" } } } }");
        yield return new("runtime-names/date-only-in-System", "{ \"namespace\": \"System\", \"graph\": \"G\", \"entityTypes\": { \"DateOnly\": {}, \"T\": { \"properties\": { \"d\": \"date?\" } } } }");
        yield return new("runtime-names/generated-code-attribute", "{ \"namespace\": \"System.CodeDom.Compiler\", \"graph\": \"G\", \"entityTypes\": { \"GeneratedCodeAttribute\": {} } }");
        yield return new("runtime-names/root-namespace-System", [new ModelFile("r.kg.json", "{ \"graph\": \"Uri\", \"entityTypes\": { \"DateOnly\": {} } }")], "System");
        yield return new("runtime-names/no-root-namespace", [new ModelFile("r.kg.json", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {} } }")], null);
        yield return new("runtime-names/empty-root-namespace", [new ModelFile("r.kg.json", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {} } }")], "");
    }

    // ---- payloads in every string: descriptions, names and values must not leave their string or comment ----

    /// <summary>Texts that try to end a C# string, comment, XML doc or line early, or to look like code.</summary>
    private static List<string> PayloadTexts() =>
        Texts.Descriptions.Concat(Texts.Strings).Concat(Texts.TrickyNames)
            .Concat(
            [
                "*/ class Injected { } /*", "\"\"\" raw \"\"\"", "\n#error injected", "\r#error injected", "\u2028#error injected",
                "\u0085#error injected", "\u2029#error injected", "</summary><summary>", "<include file='x.xml' path='doc'/>", "<![CDATA[",
                "\0", "\\u0022", "\"); System.Environment.Exit(1); (\"", "{{ }}", "global::System", "@class", "\U0001F680", "\u200B",
                "\u00AD", "#pragma warning disable\n#line 1 \"x\"", "\t", "\\", "&amp;&", "<see cref=\"X\"/>", "-->", "\\\"",
            ])
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The payloads as JSON string literals, and some as escapes: a file may write any character either way.</summary>
    private static List<string> PayloadLiterals() =>
        PayloadTexts().Select(J)
            .Concat(["\"\\u000A#error injected\"", "\"\\u2028#error injected\"", "\"\\u0085\\u2029\"", "\"\\u0022); //\"", "\"\\ud83d\\ude80\"", "\"\\u0000\""])
            .ToList();

    private static IEnumerable<FuzzInput> Injections()
    {
        var payloads = PayloadLiterals();

        // Free text: every payload at once, each in its own declaration or value.
        string Each(Func<string, int, string> item) => string.Join(", ", payloads.Select((p, i) => item(p, i)));
        yield return new("injection/descriptions", $$"""
            { "graph": "G",
              "enums": { {{Each((p, i) => $"\"E{i}\": {{ \"description\": {p}, \"values\": [\"a\"] }}")}} },
              "entityTypes": { {{Each((p, i) => $"\"T{i}\": {{ \"description\": {p}, \"properties\": {{ \"p\": {{ \"type\": \"string?\", \"description\": {p} }} }} }}")}} },
              "relationTypes": { {{Each((p, i) => $"\"r{i}\": {{ \"from\": \"T0\", \"to\": \"T0\", \"description\": {p} }}")}} },
              "entities": { "a": { "type": "T0" } },
              "relations": [["a", "r0", "a"]]
            }
            """);
        yield return new("injection/role-descriptions", $$"""
            { "graph": "G", "entityTypes": { "T": {} },
              "relationTypes": { "r": { "from": "T", "to": "T", "roles": { {{Each((p, i) => $"\"x{i}\": {{ \"type\": \"T?\", \"description\": {p} }}")}} } } }
            }
            """);
        yield return new("injection/string-values", $$"""
            { "graph": "G",
              "entityTypes": { "T": { "properties": { "s": "string", "list": "string[]", "u": "uri?" } } },
              "relationTypes": { "r": { "from": "T", "to": "T", "properties": { "s": "string" } } },
              "entities": { {{Each((p, i) => $"\"e{i}\": {{ \"type\": \"T\", \"s\": {p}, \"list\": [{p}, {p}], \"u\": {p} }}")}} },
              "relations": [ {{Each((p, i) => $"{{ \"from\": \"e{i}\", \"type\": \"r\", \"to\": \"e0\", \"s\": {p} }}")}} ]
            }
            """);

        // Names: the payloads in groups, each group in every place a name goes.
        // The property tests' tricky names are names of every kind in their valid models already.
        var groups = PayloadTexts().Except(Texts.TrickyNames, StringComparer.Ordinal).Chunk(25).ToList();
        for (var group = 0; group < groups.Count; group++)
        {
            foreach (var input in NamesEverywhere($"injection/names-{group}", groups[group], "TestProject"))
            {
                yield return input;
            }

            yield return new($"injection/names-{group}/graphs-and-namespaces", groups[group].Select((p, i) =>
                new ModelFile($"g{i}.kg.json", $"{{ \"graph\": {J(p)}, \"namespace\": {J(p)}, \"entityTypes\": {{ \"T\": {{}} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }} }}")).ToArray());
            var patterns = groups[group].Select((p, i) => $"\"s{i}\": {{ \"type\": \"string?\", \"pattern\": {J(p)} }}");
            var values = groups[group].Select((p, i) => $"\"s{i}\": {J(p)}");
            yield return new($"injection/names-{group}/patterns", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"properties\": {{ {string.Join(", ", patterns)} }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\", {string.Join(", ", values)} }} }} }}");
        }
    }

    // ---- inheritance: chains, cycles, and depths ----

    private static IEnumerable<FuzzInput> Inheritance()
    {
        // T0 extends T1 … extends T(depth-1), which extends T0 again in a cycle.
        static string EntityChain(int depth, bool cycle) =>
            "{ \"graph\": \"G\", \"entityTypes\": { "
            + string.Join(", ", Enumerable.Range(0, depth).Select(i => i + 1 < depth || cycle
                ? $"\"T{i}\": {{ \"extends\": \"T{(i + 1) % depth}\" }}"
                : $"\"T{i}\": {{}}"))
            + " }, \"entities\": { \"a\": { \"type\": \"T0\" } } }";

        static string RelationChain(int depth, bool cycle) =>
            "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {} }, \"relationTypes\": { "
            + string.Join(", ", Enumerable.Range(0, depth).Select(i => i + 1 < depth || cycle
                ? $"\"r{i}\": {{ \"from\": \"T\", \"to\": \"T\", \"extends\": \"r{(i + 1) % depth}\" }}"
                : $"\"r{i}\": {{ \"from\": \"T\", \"to\": \"T\" }}"))
            + " }, \"entities\": { \"a\": { \"type\": \"T\" } }, \"relations\": [[\"a\", \"r0\", \"a\"]] }";

        foreach (var depth in new[] { 2, 3, 100, 10_000 })
        {
            yield return new($"inheritance/entity-chain-{depth}", EntityChain(depth, cycle: false));
            yield return new($"inheritance/entity-cycle-{depth}", EntityChain(depth, cycle: true));
            yield return new($"inheritance/relation-chain-{depth}", RelationChain(depth, cycle: false));
            yield return new($"inheritance/relation-cycle-{depth}", RelationChain(depth, cycle: true));
        }

        yield return new("inheritance/self", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"extends\": \"A\", \"properties\": { \"p\": \"int\" } } }, \"entities\": { \"a\": { \"type\": \"A\", \"p\": 1 } } }");
        yield return new("inheritance/unknown-base", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"extends\": \"Nobody\" } }, \"entities\": { \"a\": { \"type\": \"A\" } } }");
        yield return new("inheritance/extends-enum", "{ \"graph\": \"G\", \"enums\": { \"E\": { \"values\": [\"a\"] } }, \"entityTypes\": { \"A\": { \"extends\": \"E\" } } }");
        yield return new("inheritance/extends-relation-type", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"extends\": \"r\" } }, \"relationTypes\": { \"r\": { \"from\": \"A\", \"to\": \"A\" } } }");
        yield return new("inheritance/relation-extends-entity-type", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": {} }, \"relationTypes\": { \"r\": { \"from\": \"A\", \"to\": \"A\", \"extends\": \"A\" } } }");
        yield return new("inheritance/property-redeclared-in-subtype", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"properties\": { \"p\": \"int\" } }, \"B\": { \"extends\": \"A\", \"properties\": { \"p\": \"string\", \"P\": \"int\" } } }, \"entities\": { \"b\": { \"type\": \"B\", \"p\": 1 } } }");
        yield return new("inheritance/relation-widens-base", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": {}, \"B\": { \"extends\": \"A\" } }, \"relationTypes\": { \"r\": { \"from\": \"B\", \"to\": \"B\", \"cardinality\": \"one-to-one\" }, \"s\": { \"extends\": \"r\", \"from\": \"A\", \"cardinality\": \"many-to-many\" } } }");
        yield return new("inheritance/abstract-leaf-with-facts", "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"abstract\": true } }, \"relationTypes\": { \"r\": { \"abstract\": true, \"from\": \"A\", \"to\": \"A\" } }, \"entities\": { \"a\": { \"type\": \"A\" } }, \"relations\": [[\"a\", \"r\", \"a\"]] }");
    }

    // ---- patterns: invalid, costly, and escaping ----

    private static IEnumerable<FuzzInput> Patterns()
    {
        string WithPattern(string pattern, IEnumerable<string> values, string type = "string") =>
            $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"properties\": {{ \"s\": {{ \"type\": \"{type}\", \"pattern\": {J(pattern)} }} }} }} }}, \"entities\": {{ "
            + string.Join(", ", values.Select((v, i) => $"\"e{i}\": {{ \"type\": \"T\", \"s\": {(type.EndsWith("[]", StringComparison.Ordinal) ? "[" + v + "]" : v)} }}"))
            + " } }";

        var evil = J(new string('a', 30) + "!");
        // Each value could cost the 1 s regex timeout: enough of them to pass the hang bound, were they all checked.
        yield return new("patterns/catastrophic-on-100-entities", WithPattern("^(a+)+$", Enumerable.Repeat(evil, 100)));
        yield return new("patterns/catastrophic-on-a-150-item-list", WithPattern("^(a+)+$", [string.Join(", ", Enumerable.Repeat(evil, 150))], "string[]"));
        yield return new("patterns/nested-quantifiers", WithPattern("^(\\w+\\s?)*$", Enumerable.Repeat(J(new string('x', 40) + "!"), 3)));
        foreach (var (name, pattern) in new[]
        {
            ("unclosed-group", "("), ("unclosed-class", "["), ("trailing-backslash", "\\"), ("bad-quantifier", "*a"),
            ("unknown-group", "(?<"), ("quote-and-brace", "\"}); class X {"), ("triple-quote", "\"\"\""), ("newline", "a\nb"),
            ("line-separator", "a\u2028b"), ("named-group", "(?<year>\\d{4})"), ("inline-options", "(?i)abc"), ("empty", ""),
            ("backreference", "(a)\\1"), ("unicode-category", "\\p{Lu}+"), ("bad-category", "\\p{Nope}"), ("huge-repeat", "a{2147483647}"),
            ("comment", "(?#*/)a"), ("lookbehind", "(?<=a)b"),
        })
        {
            yield return new($"patterns/{name}", WithPattern(pattern, [J("abc"), J(pattern)]));
        }

        yield return new("patterns/on-a-number", WithPattern("^1$", ["1"], "int"));
        yield return new("patterns/not-a-string", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"s\": { \"type\": \"string\", \"pattern\": 5 } } } } }");
    }

    // ---- min, max and minItems beyond the ranges of their types ----

    /// <summary>For each property type, one property per bound given as min and one as max, and min above max.</summary>
    private static IEnumerable<FuzzInput> Bounds()
    {
        var bounds = new[] { "1e20", "-1e20", "1e400", "2147483648", "-9223372036854775809", "79228162514264337593543950336", "0.5", "-0", "1e-400", "\"5\"", "null", "true" };
        foreach (var type in new[] { "int", "long", "double", "decimal", "int?", "double[]", "string", "date" })
        {
            var properties = bounds.SelectMany((b, i) => new[] { $"\"min{i}\": {{ \"type\": \"{type}\", \"min\": {b} }}", $"\"max{i}\": {{ \"type\": \"{type}\", \"max\": {b} }}" })
                .Append($"\"minAboveMax\": {{ \"type\": \"{type}\", \"min\": 5, \"max\": 1 }}");
            yield return new($"bounds/{type}", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"properties\": {{ {string.Join(", ", properties)} }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }} }}");
        }

        var minItems = new[] { "-1", "0", "1.5", "1e20", "2147483648", "\"1\"" }.Select((m, i) => $"\"p{i}\": {{ \"type\": \"string[]\", \"minItems\": {m} }}");
        yield return new("bounds/min-items", $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"T\": {{ \"properties\": {{ {string.Join(", ", minItems)} }} }} }}, \"entities\": {{ \"a\": {{ \"type\": \"T\" }} }} }}");
    }

    // ---- facts the schema forbids: cardinality, duplicates, wrong types ----

    private static IEnumerable<FuzzInput> Facts()
    {
        foreach (var cardinality in new[] { "one-to-one", "one-to-many", "many-to-one", "many-to-many", "ONE-TO-ONE", "one_to_one", "" })
        {
            yield return new($"facts/cardinality-{cardinality}-breached",
                $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"A\": {{}}, \"B\": {{ \"extends\": \"A\" }} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"A\", \"to\": \"A\", \"cardinality\": \"{cardinality}\", \"inverse\": \"back\" }}, \"s\": {{ \"extends\": \"r\", \"from\": \"B\", \"to\": \"B\" }} }}, "
                + "\"entities\": { \"a\": { \"type\": \"A\" }, \"b\": { \"type\": \"B\" }, \"c\": { \"type\": \"B\" } }, \"relations\": [[\"a\", \"r\", \"b\"], [\"a\", \"r\", \"c\"], [\"b\", \"s\", \"c\"], [\"c\", \"r\", \"b\"], [\"b\", \"s\", \"b\"]] }");
            yield return new($"facts/symmetric-{cardinality}",
                $"{{ \"graph\": \"G\", \"entityTypes\": {{ \"A\": {{}} }}, \"relationTypes\": {{ \"r\": {{ \"from\": \"A\", \"to\": \"A\", \"symmetric\": true, \"cardinality\": \"{cardinality}\" }} }}, \"entities\": {{ \"a\": {{ \"type\": \"A\" }}, \"b\": {{ \"type\": \"A\" }} }}, \"relations\": [[\"a\", \"r\", \"b\"], [\"b\", \"r\", \"a\"], [\"a\", \"r\", \"a\"]] }}");
        }

        yield return new("facts/duplicate-top-level-keys", "{ \"graph\": \"G\", \"graph\": \"H\", \"entityTypes\": { \"T\": {} }, \"entityTypes\": { \"U\": {} }, \"entities\": {}, \"entities\": { \"a\": { \"type\": \"T\" } } }");
        yield return new("facts/duplicate-entity-ids", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"p\": \"int?\" } } }, \"entities\": { \"a\": { \"type\": \"T\", \"p\": 1, \"p\": 2, \"type\": \"T\" }, \"a\": { \"type\": \"T\" }, \"A\": { \"type\": \"T\" } } }");
        yield return new("facts/duplicate-types", "{ \"graph\": \"G\", \"enums\": { \"T\": { \"values\": [\"a\", \"a\", \"A\"] } }, \"entityTypes\": { \"T\": {}, \"T\": {}, \"t\": {} }, \"relationTypes\": { \"T\": { \"from\": \"T\", \"to\": \"T\" }, \"t\": { \"from\": \"T\", \"to\": \"T\" } } }");
        yield return new("facts/duplicate-property-keys", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"p\": \"int\", \"p\": \"string\", \"P\": \"int\" }, \"properties\": {} } } }");
        yield return new("facts/same-fact-twice", Model(relationHole: ",\n    [\"ada\", \"knows\", \"bob\"], [\"ada\", \"knows\", \"bob\"]"));
        yield return new("facts/wrong-value-types", Model(entityHole: ", \"age\": \"forty\", \"born\": \"2025-02-30\", \"kind\": \"huge\", \"home\": \"not a uri\", \"score\": true, \"tags\": \"one\""));
        yield return new("facts/wrong-shapes", "{ \"graph\": \"G\", \"entityTypes\": [], \"relationTypes\": \"x\", \"entities\": { \"a\": [] , \"b\": null, \"c\": 1 }, \"relations\": { \"x\": 1 }, \"enums\": { \"E\": { \"values\": {} } } }");
        yield return new("facts/nulls-everywhere", "{ \"graph\": \"G\", \"namespace\": null, \"entityTypes\": { \"T\": { \"extends\": null, \"properties\": { \"p\": null, \"q\": \"int?\" } } }, \"entities\": { \"a\": { \"type\": \"T\", \"q\": null, \"p\": null } }, \"relations\": [null, [null, null, null]] }");
        yield return new("facts/reserved-names", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"id\": \"string\", \"type\": \"string\", \"source\": \"string\", \"validFrom\": \"date\" } } }, \"relationTypes\": { \"r\": { \"from\": \"T\", \"to\": \"T\", \"properties\": { \"from\": \"string\", \"to\": \"string\" }, \"roles\": { \"type\": \"T\" } } } }");
        yield return new("facts/provenance-and-time", Model(relationHole: ",\n    { \"from\": \"ada\", \"type\": \"knows\", \"to\": \"bob\", \"source\": \"nobody\", \"validFrom\": \"2025-13-01\", \"validTo\": 5 },\n    { \"from\": \"ada\", \"type\": \"knows\", \"to\": \"bob\", \"source\": \"ada\", \"validFrom\": \"2025-02-12\", \"validTo\": \"2024-01-01\" }"));
        yield return new("facts/roles-broken", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": {}, \"U\": {} }, \"relationTypes\": { \"r\": { \"from\": \"T\", \"to\": \"T\", \"roles\": { \"one\": \"U\", \"many\": \"U[]\", \"opt\": \"Nobody?\" } } }, \"entities\": { \"a\": { \"type\": \"T\" }, \"u\": { \"type\": \"U\" } }, \"relations\": [{ \"from\": \"a\", \"type\": \"r\", \"to\": \"a\", \"one\": [\"u\"], \"many\": \"u\" }, { \"from\": \"a\", \"type\": \"r\", \"to\": \"a\", \"many\": [\"a\", \"nobody\"] }] }");
        yield return new("facts/keys-and-unique", "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"k\": { \"type\": \"string\", \"key\": true, \"unique\": true }, \"u\": { \"type\": \"int[]\", \"unique\": true } } } }, \"entities\": { \"a\": { \"type\": \"T\", \"k\": \"x\", \"u\": [1] }, \"b\": { \"type\": \"T\", \"k\": \"x\", \"u\": [1] } } }");
        yield return new("facts/case-only-differences", "{ \"graph\": \"G\", \"entityTypes\": { \"Agent\": {}, \"AGENT\": {}, \"agent\": {} }, \"entities\": { \"a-b\": { \"type\": \"Agent\" }, \"a_b\": { \"type\": \"Agent\" }, \"aB\": { \"type\": \"Agent\" }, \"AB\": { \"type\": \"Agent\" } } }");
        yield return new("facts/unknown-keys", "{ \"graph\": \"G\", \"extra\": 1, \"entityTypes\": { \"T\": { \"abstarct\": true, \"properties\": { \"p\": { \"type\": \"int\", \"minimum\": 1 } } } }, \"relationTypes\": { \"r\": { \"from\": \"T\", \"to\": \"T\", \"cardinalty\": \"x\" } } }");
    }

    // ---- several files: merges, clashes, broken neighbours, odd paths ----

    private static IEnumerable<FuzzInput> Files()
    {
        const string Schema = "{ \"graph\": \"G\", \"namespace\": \"A\", \"entityTypes\": { \"T\": { \"properties\": { \"n\": \"string?\" } } }, \"relationTypes\": { \"r\": { \"from\": \"T\", \"to\": \"T\", \"cardinality\": \"one-to-one\" } } }";
        const string Facts = "{ \"graph\": \"G\", \"entities\": { \"a\": { \"type\": \"T\" }, \"b\": { \"type\": \"T\" } }, \"relations\": [[\"a\", \"r\", \"b\"], [\"a\", \"walkedOn\", \"tranquility\"]] }";
        yield return new("files/broken-neighbour", [new("schema.kg.json", Schema), new("facts.kg.json", Facts), new("broken.kg.json", "{ \"graph\": \"G\" \"entities\": {} }")]);
        yield return new("files/namespaces-differ", [new("a.kg.json", Schema), new("b.kg.json", Facts.Replace("\"graph\": \"G\"", "\"graph\": \"G\", \"namespace\": \"B\""))]);
        yield return new("files/same-entity-in-two-files", [new("a.kg.json", Schema), new("b.kg.json", Facts), new("c.kg.json", Facts)]);
        yield return new("files/cardinality-across-files", [new("a.kg.json", Schema), new("b.kg.json", Facts), new("c.kg.json", "{ \"graph\": \"G\", \"relations\": [[\"a\", \"r\", \"a\"]] }")]);
        yield return new("files/odd-paths", [new("dir with spaces/Дипломатия \"quoted\".kg.json", Schema), new("C:\\dir\\facts.KG.JSON", Facts), new(".kg.json", "{}")]);
        yield return new("files/graphs-whose-names-clash", [new("a.kg.json", "{ \"graph\": \"my graph\" }"), new("b.kg.json", "{ \"graph\": \"my-graph\" }"), new("c.kg.json", "{ \"graph\": \"MyGraph\" }")]);
        yield return new("files/namespaces-differing-in-case", [new("a.kg.json", "{ \"graph\": \"G\", \"namespace\": \"Geo\", \"entityTypes\": { \"T\": {} } }"), new("b.kg.json", "{ \"graph\": \"H\", \"namespace\": \"GEO\", \"entityTypes\": { \"T\": {} } }")]);
        yield return new("files/graphs-differing-in-case", [new("a.kg.json", "{ \"graph\": \"Atlas\", \"entityTypes\": { \"T\": {} } }"), new("b.kg.json", "{ \"graph\": \"ATLAS\", \"namespace\": \"Other\", \"entityTypes\": { \"U\": {} } }")]);
        yield return new("files/graph-named-like-a-type-of-another", [new("a.kg.json", "{ \"graph\": \"G\", \"entityTypes\": { \"H\": {} } }"), new("b.kg.json", "{ \"graph\": \"H\", \"entityTypes\": { \"G\": {} } }")]);
        yield return new("files/empty-and-whitespace", [new("a.kg.json", ""), new("b.kg.json", " \n\t"), new("c.kg.json", "{}")]);
        yield return new("files/no-graph", [new("a.kg.json", Facts.Replace("\"graph\": \"G\", ", "")), new("b.kg.json", Schema)]);
    }

    // ---- inputs other tests already keep ----

    private static IEnumerable<FuzzInput> Reused()
    {
        var bad = ((IEnumerable<object[]>)RobustnessTests.BadFiles()).Select(row => (string)row[0]).ToList();
        for (var i = 0; i < bad.Count; i++)
        {
            yield return new($"robustness/{i}", bad[i]);
        }

        var repros = Path.Combine(AppContext.BaseDirectory, "Properties", "Repros");
        foreach (var file in Directory.GetFiles(repros, "*.kg.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(AppContext.BaseDirectory, file).Replace('\\', '/');
            yield return new($"repro/{Path.GetRelativePath(repros, file).Replace('\\', '/')}", [new ModelFile(relative, File.ReadAllText(file))]);
        }
    }
}
