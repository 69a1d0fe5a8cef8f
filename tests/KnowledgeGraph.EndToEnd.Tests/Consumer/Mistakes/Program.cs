// Uses the generated types that the mistakes leave intact: the build must show KG errors only, no C# error.
using Shelf;

var graph = LibraryGraph.Default;
Console.WriteLine(graph.Pratchett.Wrote.Count);
Console.WriteLine(graph.GoodOmens.WrittenBy.Count);
Console.WriteLine(graph.GoodOmens.Genre);
