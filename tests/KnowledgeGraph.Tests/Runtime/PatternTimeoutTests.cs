using System;
using System.Text.RegularExpressions;
using KnowledgeGraph.Tests.Patterns;

namespace KnowledgeGraph.Tests.Runtime;

/// <summary>
/// The generated run-time check matches a pattern with the build's timeout: a value on which the pattern would
/// backtrack without end is refused as a breach, with the pattern and the value named, and changes nothing.
/// </summary>
/// <remarks>Each pathological value costs the test one timeout (1 s); without one it would never finish.</remarks>
public sealed class PatternTimeoutTests
{
    private static readonly PatternGraph G = PatternGraph.Default;

    // Forty letters, then one the pattern cannot end on: 2^40 ways to split the letters are tried before it fails.
    private static string Pathological(char letter) => new string(letter, 40) + "!";

    [Fact]
    public void A_value_the_pattern_cannot_match_in_time_is_refused_and_changes_nothing()
    {
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddEntity(new Thing("third") { Code = Pathological('a'), Size = 3 }));

        Assert.Equal("entity", error.ParamName);
        Assert.StartsWith(
            "'third' breaks its constraints: the pattern '^(a+)+$' took more than 1 s to match 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…'; simplify the pattern, e.g. with no nested quantifiers such as '(a+)+'.",
            error.Message,
            StringComparison.Ordinal);
        Assert.IsType<RegexMatchTimeoutException>(error.InnerException);

        // Nothing was added: the id is still free, and the graph built is the existing one.
        builder.AddEntity(new Thing("third") { Code = "aaa", Size = 3 });
        Assert.Equal(G.EntityCount + 1, builder.Build().EntityCount);
    }

    [Fact]
    public void An_item_of_a_list_is_matched_with_the_timeout_too()
    {
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddEntity(new Thing("third") { Code = "a", Aliases = ["aa", Pathological('a')], Size = 3 }));

        Assert.Contains("the pattern '^(a+)+$' took more than 1 s to match 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…'", error.Message, StringComparison.Ordinal);
        Assert.Equal(G.EntityCount, builder.Build().EntityCount);
    }

    [Fact]
    public void A_relation_property_is_matched_with_the_timeout_too()
    {
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddRelation(new Next(G.Second, G.First) { Label = Pathological('b') }));

        Assert.Equal("relation", error.ParamName);
        Assert.Contains("the pattern '^(b+)+$' took more than 1 s to match 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…'", error.Message, StringComparison.Ordinal);
        Assert.Equal(G.RelationCount, builder.Build().RelationCount);
    }
}
