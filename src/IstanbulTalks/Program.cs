// The Istanbul talks: a tour of the query API on one news story. The graph (DiplomacyGraph) and its classes are
// generated at build time from the *.kg.json files next to this program; every answer below is computed by a query.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Diplomacy;
using KnowledgeGraph;

Console.OutputEncoding = Encoding.UTF8;
var g = DiplomacyGraph.Default;

// `--export FORMAT` writes the graph in a GraphFormat (dot, mermaid, turtle, …) instead of the tour, and
// `--export FORMAT ID DEPTH` the neighbourhood of one entity: the README's pictures are drawn from them.
if (args is ["--export", var format, ..])
{
    var exported = args is [_, _, var id, var depth]
        ? g.Around(g.FindEntity(id) ?? throw new ArgumentException($"The graph has no entity '{id}'."), int.Parse(depth, CultureInfo.InvariantCulture))
        : g;
    using var output = Console.OpenStandardOutput();
    exported.Export(output, Enum.Parse<GraphFormat>(format, ignoreCase: true));
    return;
}

var article = g.ReutersIstanbul;
Console.WriteLine($"{article.Name}, {Iso(article.Date)}: {g.EntityCount} entities, {g.RelationCount} facts, "
    + $"{g.FactsFrom(article).Count()} of them citing the report.");

Heading("Typed navigation: each delegation, its country (ISO key) and its leader");
foreach (var delegation in g.Entities<Delegation>())
{
    Say($"{delegation.Name} ({delegation.Represents?.Name}, {delegation.Represents?.IsoCode}): led by {delegation.LedBy?.Name}, {delegation.LedBy?.Title}");
}

Heading("Multi-hop traversal: people → delegations they lead → countries → countries in dispute with them");
var countries = g.Entities<Person>().Leads().Represents();
Say($"{Names(countries)}; in dispute with them: {Names(countries.InDisputeWith())} (a symmetric fact: one, read both ways)");

Heading("LINQ over relation properties: what was said \"this week\", and how");
foreach (var said in g.Relations<Paraphrased>().Where(s => s.When == "this week"))
{
    Say($"{said.From.Name} {Verb(said.Manner)}: {said.Paraphrase}");
}

Heading("Query expression: people, their offices, and the countries those belong to");
var offices = from person in g.Entities<Person>()
              from office in person.HoldsOffice
              from country in office.OfficeOf          // single-valued: a missing country is no row
              select $"{person.Name}: {office.Name} ({country.IsoCode})";
foreach (var line in offices)
{
    Say(line);
}

Heading("Closure: the venue of the talks, up to its country");
Say(string.Join(" → ", g.ConsulGeneralResidence.Closure((Place p) => p.LocatedIn).Prepend(g.ConsulGeneralResidence)));

Heading("Paths, read as sentences (←r— crosses a fact backwards)");
Say($"fewest facts, Trump to Darchiyev: {g.ShortestPath(g.Trump, g.Darchiyev)}");
Say($"fewest facts, Trump to Lavrov:    {g.ShortestPath(g.Trump, g.Lavrov)}");
Say($"statements cost 10:              {g.ShortestPath(g.Trump, g.Lavrov, r => r is Stated ? 10 : 1)}");
Say("every chain of ≤ 4 facts from Darchiyev to Russia:");
foreach (var path in g.AllSimplePaths(g.Darchiyev, g.Russia, maxLength: 4))
{
    Say($"  {path}");
}

Heading("N-ary facts, from each role player's side");
foreach (var held in g.Relations<HeldIn>())
{
    var venue = held.Venue is { } v ? $", at {v.Name}" : "";
    var sides = held.Delegations.Count > 0 ? $", between {Names(held.Delegations)}" : " (the story names no venue or delegation)";
    Say($"meeting:     {held.From.Name}, {Iso(held.From.Date)}: held in {held.To.Name}{venue}{sides}");
}

Say($"place:       {g.Istanbul.Name} hosted {Names(g.Istanbul.Hosted)}");
Say($"venue:       {g.ConsulGeneralResidence.Name} was the venue of {Names(g.ConsulGeneralResidence.VenueOf.Select(h => h.From))}");
foreach (var held in g.UsDelegation.Attended)
{
    Say($"delegation:  {g.UsDelegation.Name} attended {held.From.Name}, with {Names(held.Delegations.Where(d => d != g.UsDelegation))}");
}

Say($"speaker:     {g.Lavrov.Name} {string.Join("; ", g.Lavrov.Outgoing<Stated>().Select(s => $"{Verb(s.Manner)} on {s.To.Name}"))}");
Say($"subject:     {g.IstanbulTalks.Name} were spoken of by {Names(g.IstanbulTalks.SpokenOfBy.Distinct())}");
Say($"mentioned:   {g.WarInUkraine.Name} is mentioned by {string.Join(", ", g.WarInUkraine.MentionedIn.Select(s => $"{s.From.Name} ({Verb(s.Manner)})"))}");
Say($"spoken for:  {g.UsStateDepartment.Name}, by {Names(g.UsStateDepartment.StatementsOnItsBehalf.Select(s => s.From).Distinct())} "
    + $"({g.UsStateDepartment.StatementsOnItsBehalf.Count} statements)");
foreach (var dispute in g.EmbassyOperations.DisputesOver)
{
    Say($"disputed:    {dispute.Over.Name}, between {dispute.From.Name} and {dispute.To.Name}");
}

Heading("Who said what, according to the report (provenance)");
foreach (var said in g.FactsFrom<Stated>(article))
{
    var words = said is Quoted quoted ? $"“{quoted.Quote}”" : $"(paraphrased) {((Paraphrased)said).Paraphrase}";
    Say($"{said.From.Name} {Verb(said.Manner)}, on {said.To.Name}: {words}");
}

Heading("Time: the timeline in order; the story as of a day, and during a period");
foreach (var entry in g.Timeline())
{
    Say($"{entry.Date,-10}  {entry.Property,-9}  {entry.Fact}");
}

var (day, from, to) = (new DateOnly(2025, 2, 15), new DateOnly(2025, 2, 18), new DateOnly(2025, 2, 20));
var asOf = g.AsOf(day);
Say($"as of {Iso(day)}: {asOf.Relations<Called>().Count()} call so far, meetings held: {Names(asOf.Entities<Meeting>(), "none yet")}");
var between = g.Between(from, to);
Say($"between {Iso(from)} and {Iso(to)}: {string.Join(", ", between.Relations<HeldIn>().Select(h => $"{h.From.Name} in {h.To.Name}"))}");

Heading("Centrality: the most connected entities (facts at each, either way)");
Say(string.Join(", ", g.DegreeCentrality().Take(3).Select(score => $"{score.Entity} ({g.Degree(score.Entity)})")));

Heading("Pattern: persons who lead a delegation that attended a meeting held in Istanbul");
var pattern = g.Match<Person>()
    .Via(p => p.Leads)
    .Via(d => d.Attended.Select(held => held.From))
    .Where((p, d, m) => m.HeldIn == g.Istanbul);
foreach (var (person, delegation, meeting) in pattern)
{
    Say($"{person.Name} leads the {delegation.Name}, which attended the {meeting.Name}");
}

Heading("A graph built at run time: a HYPOTHETICAL follow-up round, not in the article");
var builder = g.ToBuilder();
var followUp = builder.AddEntity(new Meeting("hypotheticalFollowUp") { Name = "Follow-up round (hypothetical)", Date = new DateOnly(2025, 3, 31) });
builder.AddRelation(new HeldIn(followUp, g.Istanbul) { Delegations = [g.RussianDelegation, g.UsDelegation] }); // cites no source
var whatIf = builder.Build();
Say($"what-if graph: {whatIf.RelationCount} facts, {whatIf.FactsFrom(whatIf.ReutersIstanbul).Count()} from the report; Istanbul hosted {Names(whatIf.Istanbul.Hosted)}");
Say($"compiled graph, unchanged: {g.RelationCount} facts; Istanbul hosted {Names(g.Istanbul.Hosted)}");

Heading("Facts loaded at run time: a HYPOTHETICAL next day, invented, not in the article");
// RunTime/hypothetical-next-day.kg.json is left out of the build and read now, checked as the build checks the
// project's files; a mistake in it would throw GraphLoadException with every diagnostic, and change nothing.
var nextDayFile = System.IO.Path.Combine(AppContext.BaseDirectory, "RunTime", "hypothetical-next-day.kg.json");
var nextDay = g.ToBuilder().AddFile(nextDayFile).Build();
Say($"with the next day: {nextDay.RelationCount} facts ({nextDay.RelationCount - g.RelationCount} new); Istanbul hosted {Names(nextDay.Istanbul.Hosted)}");
var secondRound = nextDay.FindEntity<Meeting>("hypotheticalSecondRound")!;
var invented = nextDay.FindEntity<Article>("hypotheticalFollowUpReport")!;
Say($"{secondRound.Name} on {Iso(secondRound.Date)}: on its agenda {Names(secondRound.OnAgenda)}; {nextDay.FactsFrom(invented).Count()} facts cite {invented.Name}");

static void Heading(string title) => Console.WriteLine($"{Environment.NewLine}== {title} ==");

static void Say(string line) => Console.WriteLine($"  {line}");

static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

static string Verb(Manner manner) => manner.ToString().ToLowerInvariant();

static string Names(IEnumerable<Thing> things, string none = "none")
{
    var names = things.Select(thing => thing.Name).ToList();
    return names.Count switch
    {
        0 => none,
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };
}
