using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>The rules of the RDF mapping's IRIs (<see cref="RdfNames"/>), which the exporters and generated code share.</summary>
public sealed class RdfNamesTests
{
    [Theory]
    [InlineData("trump", "trump")]
    [InlineData("russian-delegation_2.0~", "russian-delegation_2.0~")]
    [InlineData("a:b@c!$&'()*+,;=", "a:b@c!$&'()*+,;=")]
    [InlineData("space id", "space%20id")]
    [InlineData("a/b#c?d%e", "a%2Fb%23c%3Fd%25e")]
    [InlineData("<script>{x}|^`\\\"", "%3Cscript%3E%7Bx%7D%7C%5E%60%5C%22")]
    [InlineData("line\nbreak\u0001\u007f", "line%0Abreak%01%7F")]
    [InlineData("sep\u2028arator\u200e\u00a0\ufeff", "sep%E2%80%A8arator%E2%80%8E%C2%A0%EF%BB%BF")]
    [InlineData("Türkiye İı Дарчиев 中文 🙂", "Türkiye%20İı%20Дарчиев%20中文%20🙂")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    [InlineData("a..", "a..")]
    public void A_name_is_one_segment_of_an_IRI(string name, string segment)
    {
        Assert.Equal(segment, RdfNames.Segment(name));
        Assert.Equal(name, System.Uri.UnescapeDataString(segment));
    }

    [Fact]
    public void A_name_that_needs_no_encoding_is_not_copied()
    {
        const string Id = "russianDelegation";
        Assert.Same(Id, RdfNames.Segment(Id));
    }

    [Fact]
    public void Entities_schema_terms_and_facts_live_apart_under_the_base()
    {
        const string Base = "https://example.org/kg/";
        Assert.Equal("urn:kg:DiplomacyGraph:", RdfNames.DefaultBase("DiplomacyGraph"));
        Assert.Equal("https://example.org/kg/schema%2FPerson", RdfNames.Entity(Base, "schema/Person"));
        Assert.Equal("https://example.org/kg/schema/Person", RdfNames.Type(Base, "Person"));
        Assert.Equal("https://example.org/kg/schema/Person/title", RdfNames.Member(Base, "Person", "title"));
        Assert.Equal("https://example.org/kg/schema/a%2Fb/c", RdfNames.Member(Base, "a/b", "c"));
        Assert.Equal("https://example.org/kg/fact/1", RdfNames.Fact(Base, 0));
        Assert.Equal("https://example.org/kg/fact%2F1", RdfNames.Entity(Base, "fact/1"));
    }

    [Theory]
    [InlineData("https://example.org/kg/")]
    [InlineData("https://example.org/kg#")]
    [InlineData("urn:kg:DiplomacyGraph:")]
    [InlineData("http://example.org/data?graph=x&id=/")]
    [InlineData("https://例え.jp/グラフ/")]
    [InlineData("https://example.org/a%20b/")]
    [InlineData("tag:example.org,2025:kg:")]
    public void An_absolute_IRI_that_ends_a_segment_is_a_base_IRI(string iri) => Assert.Null(RdfNames.BaseIriProblem(iri));

    [Theory]
    [InlineData("diplomacy", "it has no scheme")]
    [InlineData("", "it has no scheme")]
    [InlineData(":x/", "it has no scheme")]
    [InlineData("1http://x/", "it has no scheme")]
    [InlineData("ht tp://x/", "it has no scheme")]
    [InlineData("https://example.org/kg", "does not end in '/', '#' or ':'")]
    [InlineData("https://example.org/a b/", "it holds ' '")]
    [InlineData("https://example.org/<a>/", "it holds '<'")]
    [InlineData("https://example.org/{a}/", "it holds '{'")]
    [InlineData("https://example.org/a\\b/", "it holds '\\'")]
    [InlineData("https://example.org/a\nb/", "U+000A")]
    [InlineData("https://example.org/a\u2028b/", "U+2028")]
    [InlineData("https://example.org/%zz/", "'%' must start an escape")]
    [InlineData("https://example.org/%2/", "'%' must start an escape")]
    [InlineData("https://example.org/a#b#", "it has two '#'")]
    public void Anything_else_is_not(string iri, string problem) => Assert.Contains(problem, RdfNames.BaseIriProblem(iri));
}
