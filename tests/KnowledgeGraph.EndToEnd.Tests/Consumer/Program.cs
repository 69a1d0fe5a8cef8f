using Shelf;

var g = LibraryGraph.Default;
Console.WriteLine($"entities: {g.EntityCount}, relations: {g.RelationCount}");

// Typed navigation, both ways, single or list as the cardinality says.
Book omens = g.GoodOmens;
Publisher? publisher = omens.PublishedBy;
Console.WriteLine($"publisher of {omens.Title}: {publisher?.Name}");
Console.WriteLine($"authors of {omens.Title}: {string.Join(", ", omens.WrittenBy.Select(a => a.Name).Order(StringComparer.Ordinal))}");
Console.WriteLine($"{g.Gollancz.Name} publishes: {string.Join(", ", g.Gollancz.Publishes.Select(b => b.Title).Order(StringComparer.Ordinal))}");

// LINQ over typed relations and their properties.
foreach (var wrote in g.Relations<Wrote>().Where(w => w.Chapters >= 5).OrderBy(w => w.From.Name, StringComparer.Ordinal))
{
    Console.WriteLine($"{wrote.From.Name} wrote {wrote.Chapters} chapters of {wrote.To.Title}");
}

// Typed properties of every CLR type in the model.
var before1980 = g.Entities<Book>().Where(b => b.Published < new DateOnly(1980, 1, 1)).Select(b => b.Title);
Console.WriteLine($"published before 1980: {string.Join(", ", before1980)}");
Console.WriteLine($"tags of {g.Earthsea.Title}: {string.Join(", ", g.Earthsea.Tags)}");
Console.WriteLine($"born: {string.Join(", ", g.Entities<Author>().OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => $"{a.Id}={a.Born?.ToString() ?? "?"}"))}");

// Paths through the graph, QuikGraph underneath.
var path = g.ShortestPath(g.LeGuin, g.Pratchett);
Console.WriteLine($"path: {(path is null ? "none" : string.Join(" > ", path.Entities.Select(e => e.Id)))}");
