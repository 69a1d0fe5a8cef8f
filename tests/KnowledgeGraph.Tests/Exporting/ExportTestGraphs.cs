using System;
using System.Globalization;
using System.IO;
using System.Text;
using Diplomacy;
using Hostile;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>The graphs the exporters' tests write: the sample's, and a model of hostile strings (Models/hostile.kg.json).</summary>
internal static class ExportTestGraphs
{
    public static DiplomacyGraph Sample => DiplomacyGraph.Default;

    public static HostileGraph Hostile => HostileGraph.Default;

    /// <summary>The export of <paramref name="graph"/> in <paramref name="format"/>, as bytes.</summary>
    public static byte[] Bytes(GraphView graph, GraphFormat format)
    {
        using var stream = new MemoryStream();
        graph.Export(stream, format);
        return stream.ToArray();
    }

    /// <summary>The export of <paramref name="graph"/> in <paramref name="format"/>, as text.</summary>
    public static string Text(GraphView graph, GraphFormat format) => Encoding.UTF8.GetString(Bytes(graph, format));

    /// <summary>The export written to a new temporary file with <paramref name="extension"/>, for a tool to read.</summary>
    public static string File(GraphView graph, GraphFormat format, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kg-export-{Guid.NewGuid():N}{extension}");
        System.IO.File.WriteAllBytes(path, Bytes(graph, format));
        return path;
    }

    /// <summary>Runs <paramref name="action"/> under a culture (tr-TR: its dotless i and decimal comma break careless code).</summary>
    public static T InCulture<T>(string culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }
    }
}
