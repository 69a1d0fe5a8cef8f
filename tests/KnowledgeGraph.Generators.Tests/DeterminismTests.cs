using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Generators.Tests.Infrastructure;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>The same files give byte-identical code, whatever the culture or the order of the files.</summary>
public sealed class DeterminismTests
{
    private static readonly ModelFile[] Files =
    [
        GeneratorHarness.Load("Models/Sample/diplomacy.kg.json"),
        GeneratorHarness.Load("Models/Sample/istanbul-talks.kg.json"),
        GeneratorHarness.Load("Models/Identifiers.kg.json"),
        GeneratorHarness.Load("Models/PropertyTypes.kg.json"),
    ];

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("de-DE")]
    public void OutputDoesNotDependOnTheCulture(string culture)
    {
        var invariant = RunIn(CultureInfo.InvariantCulture, Files);
        var local = RunIn(CultureInfo.GetCultureInfo(culture), Files);

        Assert.Equal(invariant, local);
    }

    [Fact]
    public void OutputDoesNotDependOnTheOrderOfFiles()
    {
        var forward = RunIn(CultureInfo.InvariantCulture, Files);
        var backward = RunIn(CultureInfo.InvariantCulture, Files.Reverse().ToArray());

        Assert.Equal(forward, backward);
    }

    private static string RunIn(CultureInfo culture, ModelFile[] files)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var result = GeneratorHarness.Run(files);
            Assert.Empty(result.GeneratorDiagnostics);
            return string.Join(
                "\n// ---\n",
                result.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }
    }
}
