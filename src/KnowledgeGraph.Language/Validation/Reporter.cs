using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Validation;

/// <summary>Collects the diagnostics of one graph, in the order its checks find them.</summary>
internal sealed class Reporter
{
    private static readonly char[] WordSeparators = [.. "{}[]:,\"/*\\ \t\r\n\u000B\u000C\u0085\u00A0\u2028\u2029"];

    private readonly List<DiagnosticInfo> _diagnostics = [];

    // The words of the files read only in part that may belong to this graph: a name that occurs in one of them
    // may be declared in the part that was lost, so it is not reported as unknown; any other name is.
    private readonly HashSet<string> _incompleteWords;

    public Reporter(IEnumerable<string> incompleteTexts) =>
        _incompleteWords = new HashSet<string>(incompleteTexts.SelectMany(Words), StringComparer.Ordinal);

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        var unknownName = descriptor == Descriptors.UnknownEntityType || descriptor == Descriptors.UnknownRelationType || descriptor == Descriptors.UnknownEntity;
        if (!(unknownName && MayBeDeclaredInLostPart(arguments[0])))
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }
    }

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additionalLocation, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, additionalLocation, arguments));

    /// <summary>The name occurs in the text of a file read only in part, which may declare it where it could not be read.</summary>
    /// <remarks>
    /// Looked up word by word in a set, not searched for in the texts: a project can name many thousands of
    /// entities while a large file is broken.
    /// </remarks>
    public bool MayBeDeclaredInLostPart(string name) =>
        _incompleteWords.Count > 0 && Words(name).All(_incompleteWords.Contains);

    // A broken file's quotes may not pair up, so its words are what lies between JSON's punctuation and white space.
    private static IEnumerable<string> Words(string text) =>
        text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
}
