using System;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>
/// A large model in the sample's schema, made up (the same text for the same size): a <c>.kg.json</c> file of about
/// <c>facts</c> facts that uses what the RDF mapping has to carry — every datatype and enum of the schema, lists,
/// optional values left out, facts with properties, roles, a list role, sources, validity written to a year, a month or
/// a day, a symmetric relation, and text that needs escaping in every syntax.
/// </summary>
internal static class SyntheticDiplomacy
{
    private static readonly string[] s_kinds = ["news-agency", "ministry", "department", "broadcaster", "embassy"];
    private static readonly string[] s_manners = ["stated", "said", "acknowledged", "clarified", "suggested", "downplayed", "pledged", "maintained", "reported"];

    public static byte[] File(int facts)
    {
        var random = new Random(20250227);
        var articles = Math.Max(2, facts / 100);
        var people = Math.Max(4, facts / 5);
        var countries = Math.Min(26 * 26, Math.Max(4, facts / 100));
        var topics = Math.Max(2, facts / 50);
        var organizations = Math.Max(2, facts / 50);
        var cities = Math.Max(2, facts / 100);
        var delegations = Math.Max(2, facts / 25);
        var meetings = Math.Max(2, facts / 25);
        var text = new StringBuilder(facts * 200);
        var invariant = CultureInfo.InvariantCulture;

        text.Append("{\n  \"graph\": \"DiplomacyGraph\",\n  \"entities\": {\n");
        for (var i = 0; i < articles; i++)
        {
            text.Append(invariant, $"    \"a{i}\": {{ \"type\": \"Article\", \"name\": \"Article {i}\", \"date\": \"{Day(i)}\" }},\n");
        }

        for (var i = 0; i < people; i++)
        {
            text.Append(invariant, $"    \"p{i}\": {{ \"type\": \"Person\", \"name\": \"Person {i} \\\"Quoted\\\" \\\\ <b>é</b>\"");
            if (i % 3 == 0)
            {
                text.Append(invariant, $", \"title\": \"Minister\\nof {i}\"");
            }

            if (i % 4 == 0)
            {
                text.Append(invariant, $", \"aliases\": [\"P{i}\", \"Mx {i}\", \"🙂 {i}\"]");
            }

            text.Append(" },\n");
        }

        for (var i = 0; i < countries; i++)
        {
            text.Append(invariant, $"    \"c{i}\": {{ \"type\": \"Country\", \"name\": \"Country {i}\", \"isoCode\": \"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}\" }},\n");
        }

        for (var i = 0; i < topics; i++)
        {
            text.Append(invariant, $"    \"t{i}\": {{ \"type\": \"Topic\", \"name\": \"Topic {i}\" }},\n");
        }

        for (var i = 0; i < organizations; i++)
        {
            text.Append(invariant, $"    \"o{i}\": {{ \"type\": \"Organization\", \"name\": \"Organisation {i}\", \"kind\": \"{s_kinds[i % s_kinds.Length]}\" }},\n");
        }

        for (var i = 0; i < cities; i++)
        {
            text.Append(invariant, $"    \"city{i}\": {{ \"type\": \"City\", \"name\": \"City {i}\" }},\n");
        }

        for (var i = 0; i < delegations; i++)
        {
            text.Append(invariant, $"    \"d{i}\": {{ \"type\": \"Delegation\", \"name\": \"Delegation {i}\"{(i % 2 == 0 ? $", \"arrivedIn\": \"van {i}\"" : "")} }},\n");
        }

        for (var i = 0; i < meetings; i++)
        {
            text.Append(invariant, $"    \"m{i}\": {{ \"type\": \"Meeting\", \"name\": \"Meeting {i}\", \"date\": \"{Day(i)}\" }}{(i == meetings - 1 ? "" : ",")}\n");
        }

        text.Append("  },\n  \"relations\": [\n");
        var written = 0;
        void Fact(string fact)
        {
            text.Append(written++ == 0 ? "    " : ",\n    ").Append(fact);
        }

        string Source() => $"\"source\": \"a{random.Next(articles)}\"";

        // Two different entities: an item given twice in a list is one triple in RDF.
        string Two(string prefix, int count)
        {
            var first = random.Next(count);
            return $"\"{prefix}{first}\", \"{prefix}{(first + 1 + random.Next(count - 1)) % count}\"";
        }

        // The facts every entity of a kind has: a city's country, a delegation's leader and country, a meeting's place.
        for (var i = 0; i < cities; i++)
        {
            Fact($"{{ \"from\": \"city{i}\", \"type\": \"locatedIn\", \"to\": \"c{i % countries}\" }}");
        }

        for (var i = 0; i < delegations; i++)
        {
            Fact($"{{ \"from\": \"p{i}\", \"type\": \"leads\", \"to\": \"d{i}\", {Source()} }}");
            Fact($"{{ \"from\": \"d{i}\", \"type\": \"represents\", \"to\": \"c{random.Next(countries)}\" }}");
        }

        for (var i = 0; i < meetings; i++)
        {
            Fact($"{{ \"from\": \"m{i}\", \"type\": \"heldIn\", \"to\": \"city{random.Next(cities)}\", \"delegations\": [{Two("d", delegations)}], {Source()} }}");
        }

        while (written < facts)
        {
            var person = random.Next(people);
            switch (written % 6)
            {
                case 0:
                    Fact($"{{ \"from\": \"p{person}\", \"type\": \"called\", \"to\": \"p{(person + 1 + random.Next(people - 1)) % people}\", \"on\": \"{Day(written)}\", {Source()} }}");
                    break;
                case 1:
                    var since = (written / 6 % 3) switch { 0 => "2019", 1 => "2020-07", _ => "2021-03-15" };
                    Fact($"{{ \"from\": \"p{person}\", \"type\": \"worksFor\", \"to\": \"o{random.Next(organizations)}\", \"validFrom\": \"{since}\", \"validTo\": \"2026-12\" }}");
                    break;
                case 2:
                    var behalf = written % 4 == 0 ? $", \"onBehalfOf\": \"o{random.Next(organizations)}\"" : "";
                    Fact($"{{ \"from\": \"p{person}\", \"type\": \"quoted\", \"to\": \"t{random.Next(topics)}\", \"manner\": \"{s_manners[written % s_manners.Length]}\", \"quote\": \"Fact {written}: \\\"no\\\"\\t--> ]]> \\u2028 {{}}\", \"mentions\": [\"c{random.Next(countries)}\", \"t{random.Next(topics)}\"]{behalf}, {Source()} }}");
                    break;
                case 3:
                    Fact($"{{ \"from\": \"c{random.Next(countries)}\", \"type\": \"concernedAbout\", \"to\": \"t{random.Next(topics)}\", \"concern\": \"concern {written}\" }}");
                    break;
                case 4:
                    Fact($"{{ \"from\": \"o{random.Next(organizations)}\", \"type\": \"alliedWith\", \"to\": \"c{random.Next(countries)}\" }}");
                    break;
                default:
                    var first = random.Next(countries);
                    var second = (first + 1 + random.Next(countries - 1)) % countries;
                    Fact($"{{ \"from\": \"c{first}\", \"type\": \"inDisputeWith\", \"to\": \"c{second}\", \"over\": \"t{random.Next(topics)}\", {Source()} }}");
                    break;
            }
        }

        text.Append("\n  ]\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Day(int i) => new DateOnly(2020, 1, 1).AddDays(i % 2000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
