using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The entity types of the synthetic model, in the order <see cref="SyntheticData"/> stores them.</summary>
public enum EntityKind : byte
{
    Person,
    Organization,
    Country,
    City,
    Meeting,
    Article,
}

/// <summary>The relation types of the synthetic model.</summary>
public enum RelationKind : byte
{
    WorksFor,
    MemberOf,
    Attended,
    HeldIn,
    LocatedIn,
    Called,
    Mentions,
}

/// <summary>
/// One synthetic model as plain arrays: what the <c>.kg.json</c> files of <see cref="SyntheticModel"/> say, for
/// the stores that do not read files (raw QuikGraph, hand-written arrays, the hand-built runtime graph).
/// </summary>
/// <remarks>
/// Entities are numbered 0…<see cref="EntityCount"/>-1, grouped by kind in <see cref="EntityKind"/> order
/// (<see cref="KindStart"/>, <see cref="KindCount"/>); relations 0…<see cref="RelationCount"/>-1 in file order.
/// Every array is indexed by that number; a slot that does not apply to the kind is null or default.
/// </remarks>
public sealed class SyntheticData
{
    internal SyntheticData(int factCount, ulong seed, int[] kindCounts, int relationCount)
    {
        FactCount = factCount;
        Seed = seed;
        KindCount = kindCounts;
        KindStart = new int[kindCounts.Length + 1];
        for (var k = 0; k < kindCounts.Length; k++)
        {
            KindStart[k + 1] = KindStart[k] + kindCounts[k];
        }

        var entities = KindStart[kindCounts.Length];
        EntityKinds = new EntityKind[entities];
        Ids = new string[entities];
        Names = new string[entities];
        Texts = new string?[entities];
        Numbers = new int[entities];
        EntityDates = new DateOnly[entities];

        RelationKinds = new RelationKind[relationCount];
        From = new int[relationCount];
        To = new int[relationCount];
        Source = new int[relationCount];
        Roles = new string?[relationCount];
        RelationDates = new DateOnly?[relationCount];
        ValidFrom = new DateOnly?[relationCount];
    }

    /// <summary>The N the model was made for: the number of relations.</summary>
    public int FactCount { get; }

    public ulong Seed { get; }

    public int EntityCount => EntityKinds.Length;

    public int RelationCount => RelationKinds.Length;

    /// <summary>The first entity number of each kind; the last item is <see cref="EntityCount"/>.</summary>
    public int[] KindStart { get; }

    public int[] KindCount { get; }

    public EntityKind[] EntityKinds { get; }

    public string[] Ids { get; }

    /// <summary>The <c>name</c> of every entity (every type extends <c>Thing</c>).</summary>
    public string[] Names { get; }

    /// <summary>Person <c>title</c>, Organization <c>kind</c>, Country <c>isoCode</c>, Article <c>url</c>.</summary>
    public string?[] Texts { get; }

    /// <summary>City <c>population</c>.</summary>
    public int[] Numbers { get; }

    /// <summary>Meeting <c>date</c>, Article <c>published</c>.</summary>
    public DateOnly[] EntityDates { get; }

    public RelationKind[] RelationKinds { get; }

    public int[] From { get; }

    public int[] To { get; }

    /// <summary>The article every relation cites as its <c>source</c>.</summary>
    public int[] Source { get; }

    /// <summary>worksFor <c>role</c> (optional).</summary>
    public string?[] Roles { get; }

    /// <summary>called <c>on</c> (always), memberOf <c>since</c> (optional).</summary>
    public DateOnly?[] RelationDates { get; }

    /// <summary>The reserved <c>validFrom</c>, given on some worksFor facts.</summary>
    public DateOnly?[] ValidFrom { get; }

    /// <summary>The two entities the shortest-path benchmarks link: the first person and the last meeting.</summary>
    public (int From, int To) PathEnds => (KindStart[(int)EntityKind.Person], KindStart[(int)EntityKind.Meeting + 1] - 1);

    /// <summary>The cut-off of the filtered scan: calls before this day (about 45% of them).</summary>
    public static DateOnly CallCutoff { get; } = new(2020, 1, 1);

    public int CountOf(EntityKind kind) => KindCount[(int)kind];

    public int FirstOf(EntityKind kind) => KindStart[(int)kind];
}

/// <summary>
/// A deterministic synthetic news-like model of N facts (relations): the same N and seed give the same bytes on
/// every machine and runtime. The exact shape is in docs/performance.md ("The synthetic model").
/// </summary>
public static class SyntheticModel
{
    /// <summary>The seed every benchmark and script uses unless told otherwise.</summary>
    public const ulong DefaultSeed = 20250227;

    /// <summary>Relations per fact file; each file also declares about a quarter as many entities.</summary>
    public const int FactsPerFile = 10_000;

    public const string SchemaFileName = "schema.kg.json";

    private static readonly DateOnly FirstDay = new(2015, 1, 1);
    private const int DaySpan = 4000; // 2015-01-01 … 2025-12-14

    private static readonly string[] FirstNames =
    [
        "Anna", "Boris", "Carla", "Dmitri", "Elif", "Farid", "Grace", "Hakan", "Irina", "Jonas", "Kemal", "Leila",
        "Marco", "Nadia", "Oleg", "Priya", "Quentin", "Rosa", "Sergei", "Tamar", "Umut", "Vera", "Walter", "Yusuf",
    ];

    private static readonly string[] LastNames =
    [
        "Petrova", "Ivanov", "Schmidt", "Yilmaz", "Rossi", "Novak", "Haddad", "Kowalski", "Larsen", "Moreau",
        "Okafor", "Tanaka", "Garcia", "Hughes", "Demir", "Sokolov", "Bauer", "Costa", "Fischer", "Aydin",
    ];

    private static readonly string[] Titles =
        ["Minister", "Ambassador", "Spokesperson", "Deputy Minister", "Envoy", "Chief Negotiator", "Correspondent"];

    private static readonly string[] OrganizationKinds = ["ministry", "news agency", "company", "ngo", "party", "embassy"];

    private static readonly string[] Topics =
        ["energy", "trade", "security", "embassies", "grain", "sanctions", "climate", "migration", "shipping"];

    private static readonly string[] Roles = ["adviser", "director", "analyst", "press officer", "negotiator"];

    /// <summary>Makes the model of <paramref name="facts"/> relations.</summary>
    public static SyntheticData Generate(int facts, ulong seed = DefaultSeed)
    {
        if (facts < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(facts), facts, "A synthetic model has at least 100 facts.");
        }

        var random = new SplitMix64(seed);
        int[] counts =
        [
            Math.Max(4, facts / 10),                 // Person
            Math.Max(2, facts / 50),                 // Organization
            Math.Clamp(facts / 500, 2, 200),         // Country
            Math.Max(2, facts / 100),                // City
            Math.Max(2, facts / 25),                 // Meeting
            Math.Max(2, facts / 12),                 // Article
        ];
        var data = new SyntheticData(facts, seed, counts, facts);
        FillEntities(data, random);
        FillRelations(data, random);
        UseEveryEntity(data);
        return data;
    }

    /// <summary>
    /// An entity in no fact is a KG0025 warning, which real files avoid: the rare entity the draw left out becomes the
    /// target of a <c>mentions</c> fact (an article: its start and source), taken from the last facts backwards.
    /// Models with no such entity (every size the benchmarks use up to 100,000) are left as drawn.
    /// </summary>
    private static void UseEveryEntity(SyntheticData data)
    {
        var next = data.RelationCount - 1;
        for (var pass = 0; pass < 10; pass++)
        {
            var used = new bool[data.EntityCount];
            for (var r = 0; r < data.RelationCount; r++)
            {
                used[data.From[r]] = used[data.To[r]] = used[data.Source[r]] = true;
            }

            var changed = false;
            for (var i = 0; i < data.EntityCount; i++)
            {
                if (used[i])
                {
                    continue;
                }

                while (next >= 0 && data.RelationKinds[next] != RelationKind.Mentions)
                {
                    next--;
                }

                if (next < 0)
                {
                    return;
                }

                if (data.EntityKinds[i] == EntityKind.Article)
                {
                    data.From[next] = data.Source[next] = i;
                }
                else
                {
                    data.To[next] = i;
                }

                next--;
                changed = true;
            }

            if (!changed)
            {
                return;
            }
        }
    }

    private static void FillEntities(SyntheticData data, SplitMix64 random)
    {
        for (var kind = EntityKind.Person; kind <= EntityKind.Article; kind++)
        {
            var first = data.FirstOf(kind);
            for (var n = 0; n < data.CountOf(kind); n++)
            {
                var i = first + n;
                data.EntityKinds[i] = kind;
                data.Ids[i] = IdPrefix(kind) + n.ToString(CultureInfo.InvariantCulture);
                switch (kind)
                {
                    case EntityKind.Person:
                        data.Names[i] = $"{random.Pick(FirstNames)} {random.Pick(LastNames)}";
                        data.Texts[i] = random.Chance(30) ? random.Pick(Titles) : null;
                        break;
                    case EntityKind.Organization:
                        data.Names[i] = $"{random.Pick(LastNames)} {random.Pick(Topics)} {random.Pick(OrganizationKinds)} {n}";
                        data.Texts[i] = random.Chance(50) ? random.Pick(OrganizationKinds) : null;
                        break;
                    case EntityKind.Country:
                        data.Names[i] = $"Country {n}";
                        data.Texts[i] = $"{(char)('A' + (n / 26 % 26))}{(char)('A' + (n % 26))}";
                        break;
                    case EntityKind.City:
                        data.Names[i] = $"{random.Pick(LastNames)}grad {n}";
                        data.Numbers[i] = 10_000 + random.Next(5_000_000);
                        break;
                    case EntityKind.Meeting:
                        data.Names[i] = $"Talks on {random.Pick(Topics)} #{n}";
                        data.EntityDates[i] = RandomDay(random);
                        break;
                    default:
                        var published = RandomDay(random);
                        data.Names[i] = $"Diplomats discuss {random.Pick(Topics)} ({n})";
                        data.EntityDates[i] = published;
                        data.Texts[i] = random.Chance(70)
                            ? $"https://news.example/{published.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}/story-{n}"
                            : null;
                        break;
                }
            }
        }
    }

    private static void FillRelations(SyntheticData data, SplitMix64 random)
    {
        var facts = data.FactCount;
        var persons = data.CountOf(EntityKind.Person);
        var meetings = data.CountOf(EntityKind.Meeting);
        var cities = data.CountOf(EntityKind.City);

        // Kinds first, then shuffled, so every file holds a mix, as the facts of real articles do.
        var kinds = new List<RelationKind>(facts);
        AddKinds(kinds, RelationKind.WorksFor, persons);     // every person works for one organization (many-to-one)
        AddKinds(kinds, RelationKind.HeldIn, meetings);      // every meeting is held in one city (many-to-one)
        AddKinds(kinds, RelationKind.LocatedIn, cities);     // every city lies in one country (many-to-one)
        var rest = facts - kinds.Count;
        AddKinds(kinds, RelationKind.MemberOf, rest * 20 / 100);
        AddKinds(kinds, RelationKind.Attended, rest * 30 / 100);
        AddKinds(kinds, RelationKind.Called, rest * 20 / 100);
        AddKinds(kinds, RelationKind.Mentions, facts - kinds.Count);
        for (var i = kinds.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (kinds[i], kinds[j]) = (kinds[j], kinds[i]);
        }

        // The many-to-one facts take their "from" ends in order, so each end has exactly one. The others are drawn
        // again when they would repeat a fact from the same source (a KG0020 warning, which real files avoid).
        var nextSingle = new int[Enum.GetValues<RelationKind>().Length];
        var seen = new HashSet<(RelationKind, int, int, int)>();
        for (var r = 0; r < facts; r++)
        {
            var kind = kinds[r];
            data.RelationKinds[r] = kind;
            do
            {
                data.Source[r] = Any(data, EntityKind.Article, random);
                switch (kind)
                {
                    case RelationKind.WorksFor:
                        data.From[r] = data.FirstOf(EntityKind.Person) + nextSingle[(int)kind]++;
                        data.To[r] = Any(data, EntityKind.Organization, random);
                        data.Roles[r] = random.Chance(40) ? random.Pick(Roles) : null;
                        data.ValidFrom[r] = random.Chance(25) ? RandomDay(random) : null;
                        break;
                    case RelationKind.HeldIn:
                        data.From[r] = data.FirstOf(EntityKind.Meeting) + nextSingle[(int)kind]++;
                        data.To[r] = Any(data, EntityKind.City, random);
                        break;
                    case RelationKind.LocatedIn:
                        data.From[r] = data.FirstOf(EntityKind.City) + nextSingle[(int)kind]++;
                        data.To[r] = Any(data, EntityKind.Country, random);
                        break;
                    case RelationKind.MemberOf:
                        data.From[r] = Any(data, EntityKind.Person, random);
                        data.To[r] = Any(data, EntityKind.Organization, random);
                        data.RelationDates[r] = random.Chance(50) ? RandomDay(random) : null;
                        break;
                    case RelationKind.Attended:
                        data.From[r] = Any(data, EntityKind.Person, random);
                        data.To[r] = Any(data, EntityKind.Meeting, random);
                        break;
                    case RelationKind.Called:
                        data.From[r] = Any(data, EntityKind.Person, random);
                        data.To[r] = Any(data, EntityKind.Person, random);
                        data.RelationDates[r] = RandomDay(random);
                        break;
                    default:
                        // An article mentions any thing but itself, and is its own source.
                        data.From[r] = Any(data, EntityKind.Article, random);
                        data.To[r] = random.Next(data.EntityCount);
                        if (data.To[r] == data.From[r])
                        {
                            data.To[r] = data.FirstOf(EntityKind.Person);
                        }

                        data.Source[r] = data.From[r];
                        break;
                }
            }
            while (!seen.Add((kind, data.From[r], data.To[r], data.Source[r])));
        }
    }

    private static void AddKinds(List<RelationKind> kinds, RelationKind kind, int count)
    {
        for (var i = 0; i < count; i++)
        {
            kinds.Add(kind);
        }
    }

    private static int Any(SyntheticData data, EntityKind kind, SplitMix64 random) =>
        data.FirstOf(kind) + random.Next(data.CountOf(kind));

    private static DateOnly RandomDay(SplitMix64 random) => FirstDay.AddDays(random.Next(DaySpan));

    private static string IdPrefix(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Organization => "org",
        EntityKind.Country => "country",
        EntityKind.City => "city",
        EntityKind.Meeting => "meeting",
        _ => "article",
    };

    private static string RelationName(RelationKind kind) => kind switch
    {
        RelationKind.WorksFor => "worksFor",
        RelationKind.MemberOf => "memberOf",
        RelationKind.Attended => "attended",
        RelationKind.HeldIn => "heldIn",
        RelationKind.LocatedIn => "locatedIn",
        RelationKind.Called => "called",
        _ => "mentions",
    };

    /// <summary>The schema file, the same text the benchmark project compiles (Model/schema.kg.json).</summary>
    public static string SchemaText { get; } = ReadSchema();

    private static string ReadSchema()
    {
        using var stream = typeof(SyntheticModel).Assembly.GetManifestResourceStream(SchemaFileName)
            ?? throw new InvalidOperationException("The schema resource is missing from the benchmark assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>The number of fact files a model of <paramref name="facts"/> relations is split into.</summary>
    public static int FileCount(int facts) => (facts + FactsPerFile - 1) / FactsPerFile;

    /// <summary>
    /// The files of the model: <c>schema.kg.json</c>, then <c>facts-0000.kg.json</c>… each with
    /// <see cref="FactsPerFile"/> relations and the matching share of the entities.
    /// </summary>
    public static IReadOnlyList<(string Name, string Content)> Files(SyntheticData data)
    {
        var files = new List<(string, string)> { (SchemaFileName, SchemaText) };
        var count = FileCount(data.RelationCount);
        for (var file = 0; file < count; file++)
        {
            files.Add((FactFileName(file), FactFile(data, file)));
        }

        return files;
    }

    public static string FactFileName(int file) => $"facts-{file.ToString("D4", CultureInfo.InvariantCulture)}.kg.json";

    /// <summary>Writes the files of the model into <paramref name="directory"/>; returns their total size in bytes.</summary>
    public static long Write(SyntheticData data, string directory)
    {
        Directory.CreateDirectory(directory);
        long bytes = 0;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, content) in Files(data))
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, content, utf8);
            bytes += new FileInfo(path).Length;
        }

        return bytes;
    }

    /// <summary>The text of fact file <paramref name="file"/>.</summary>
    public static string FactFile(SyntheticData data, int file)
    {
        var count = FileCount(data.RelationCount);
        var (entityStart, entityEnd) = Slice(data.EntityCount, file, count);
        var relationStart = file * FactsPerFile;
        var relationEnd = Math.Min(data.RelationCount, relationStart + FactsPerFile);
        var text = new StringBuilder((relationEnd - relationStart) * 120 + (entityEnd - entityStart) * 100);
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"// Synthetic facts (N = {data.FactCount}, seed {data.Seed}), file {file + 1} of {count}: ")
            .Append(invariant, $"entities {entityStart}-{entityEnd - 1}, relations {relationStart}-{relationEnd - 1}.\n");
        text.Append("{\n  \"graph\": \"NewsGraph\",\n  \"entities\": {\n");
        for (var i = entityStart; i < entityEnd; i++)
        {
            text.Append("    ").Append(Str(data.Ids[i])).Append(": { \"type\": \"").Append(data.EntityKinds[i]).Append("\", \"name\": ").Append(Str(data.Names[i]));
            switch (data.EntityKinds[i])
            {
                case EntityKind.Person:
                    OptionalText(text, "title", data.Texts[i]);
                    break;
                case EntityKind.Organization:
                    OptionalText(text, "kind", data.Texts[i]);
                    break;
                case EntityKind.Country:
                    OptionalText(text, "isoCode", data.Texts[i]);
                    break;
                case EntityKind.City:
                    text.Append(", \"population\": ").Append(data.Numbers[i].ToString(invariant));
                    break;
                case EntityKind.Meeting:
                    text.Append(", \"date\": ").Append(Date(data.EntityDates[i]));
                    break;
                default:
                    text.Append(", \"published\": ").Append(Date(data.EntityDates[i]));
                    OptionalText(text, "url", data.Texts[i]);
                    break;
            }

            text.Append(i + 1 < entityEnd ? " },\n" : " }\n");
        }

        text.Append("  },\n  \"relations\": [\n");
        for (var r = relationStart; r < relationEnd; r++)
        {
            var kind = data.RelationKinds[r];
            text.Append("    { \"from\": ").Append(Str(data.Ids[data.From[r]]))
                .Append(", \"type\": \"").Append(RelationName(kind))
                .Append("\", \"to\": ").Append(Str(data.Ids[data.To[r]]));
            switch (kind)
            {
                case RelationKind.WorksFor:
                    OptionalText(text, "role", data.Roles[r]);
                    if (data.ValidFrom[r] is { } validFrom)
                    {
                        text.Append(", \"validFrom\": ").Append(Date(validFrom));
                    }

                    break;
                case RelationKind.MemberOf when data.RelationDates[r] is { } since:
                    text.Append(", \"since\": ").Append(Date(since));
                    break;
                case RelationKind.Called:
                    text.Append(", \"on\": ").Append(Date(data.RelationDates[r]!.Value));
                    break;
            }

            text.Append(", \"source\": ").Append(Str(data.Ids[data.Source[r]])).Append(r + 1 < relationEnd ? " },\n" : " }\n");
        }

        text.Append("  ]\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// The last fact file with one fact changed (the date of its last <c>called</c> fact moved by a day, or a
    /// <c>since</c> added): what a user's edit of one file looks like to the generator.
    /// </summary>
    public static (string Name, string Content) EditedLastFactFile(SyntheticData data)
    {
        var file = FileCount(data.RelationCount) - 1;
        var content = FactFile(data, file);
        var at = content.LastIndexOf("\"type\": \"called\"", StringComparison.Ordinal);
        var on = content.IndexOf("\"on\": \"", at, StringComparison.Ordinal) + "\"on\": \"".Length;
        var day = DateOnly.ParseExact(content.Substring(on, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1);
        return (FactFileName(file), content[..on] + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + content[(on + 10)..]);
    }

    private static (int Start, int End) Slice(int total, int part, int parts) =>
        ((int)((long)total * part / parts), (int)((long)total * (part + 1) / parts));

    private static void OptionalText(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(", \"").Append(key).Append("\": ").Append(Str(value));
        }
    }

    private static string Date(DateOnly day) => "\"" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"";

    private static string Str(string value)
    {
        // Generated values are plain ASCII without quotes or backslashes; escape anyway so the files stay valid.
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>SplitMix64: tiny, fast and the same on every runtime, unlike <see cref="Random"/>'s unseeded algorithms.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A number in [0, <paramref name="bound"/>).</summary>
        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

        public bool Chance(int percent) => Next(100) < percent;

        public T Pick<T>(T[] items) => items[Next(items.Length)];
    }
}
