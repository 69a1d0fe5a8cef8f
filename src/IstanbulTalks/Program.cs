// The Istanbul talks: questions about one news story, answered by queries over its typed graph.
// The graph (DiplomacyGraph) and its classes are generated at build time from the *.kg.json files
// next to this program; nothing below knows the answers in advance.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Diplomacy;

Console.OutputEncoding = Encoding.UTF8;
var g = DiplomacyGraph.Default;
var article = g.ReutersIstanbul;

Console.WriteLine($"{article.Name}, {Iso(article.Date)}: {g.EntityCount} entities, {g.RelationCount} relations, "
    + $"{g.FactsFrom(article).Count()} of them citing the report.");

Heading("Who leads each delegation");
foreach (var delegation in g.Entities<Delegation>())
{
    var leader = delegation.LedBy;
    var leaderText = leader is null ? "nobody named" : $"{leader.Name} ({leader.Title})";
    Console.WriteLine($"  {delegation.Name}, representing {delegation.Represents?.Name}: led by {leaderText}");
}

Heading("Who called whom, and when");
foreach (var call in g.Relations<Called>().OrderBy(call => call.On))
{
    Console.WriteLine($"  {Iso(call.On)}  {call.From.Name} called {call.To.Name}");
}

Heading("Timeline");
var timeline = g.Relations<Called>()
    .Select(call => (Date: call.On, What: $"phone call: {call.From.Name} → {call.To.Name}"))
    .Concat(g.Entities<Meeting>().Select(meeting => (Date: meeting.Date, What: $"{meeting.Name}, {Where(meeting)}")))
    .Concat(g.Entities<Article>().Select(report => (Date: report.Date, What: $"{report.Name} ({report.ReportedBy?.Name})")))
    .OrderBy(entry => entry.Date);
foreach (var (date, what) in timeline)
{
    Console.WriteLine($"  {Iso(date)}  {what}");
}

Heading("What Lavrov and the State Department spokesperson said");
foreach (var speaker in new Agent[] { g.Lavrov, g.StateDepartmentSpokesperson })
{
    foreach (var said in speaker.Outgoing<Stated>())
    {
        var words = said.To.Quote is { } quote ? $"“{quote}”" : $"(reported) {said.To.Paraphrase}";
        Console.WriteLine($"  {speaker.Name} {said.ReportedAs}: {words}");
    }
}

Heading("Shortest chain from Trump to Darchiyev");
var path = g.ShortestPath(g.Trump, g.Darchiyev);
Console.WriteLine(path is null ? "  (not connected)" : $"  {path}  [{path.Count} relations]");

static void Heading(string title)
{
    Console.WriteLine();
    Console.WriteLine($"== {title} ==");
}

static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

// The venue (or the place) of a meeting, then every larger place it lies in.
static string Where(Meeting meeting)
{
    var places = new List<string>();
    for (Place? place = meeting.HeldAt ?? meeting.HeldIn; place is not null; place = place.LocatedIn)
    {
        places.Add(place.Name);
    }

    return string.Join(", ", places);
}
