using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Diplomacy;
using KnowledgeGraph.EndToEnd.Tests;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>The page <c>kg view</c> writes, opened in headless Chromium and used as a reader uses it.</summary>
public sealed class ViewPageTests : IDisposable
{
    // The sample's compiled files; its RunTime folder holds facts it loads when it runs.
    private static readonly string Schema = Path.Combine(Repository.Root, "src", "IstanbulTalks", "diplomacy.kg.json");
    private static readonly string Facts = Path.Combine(Repository.Root, "src", "IstanbulTalks", "istanbul-talks.kg.json");
    private static readonly string Hostile = Path.Combine(Repository.Root, "tests", "KnowledgeGraph.Tests", "Models", "hostile.kg.json");

    // What the page draws: the ids of the shown entities, and each shown fact as its ends' ids and its type.
    private const string ShownEntities = "kgView.cy.nodes(':visible').map(node => kgView.data.entities[node.data('index')].id)";
    private const string ShownFacts =
        "kgView.cy.edges(':visible').map(edge => { const fact = kgView.data.facts[edge.data('index')]; " +
        "return [kgView.data.entities[fact.from].id, kgView.data.relationTypes[fact.type], kgView.data.entities[fact.to].id].join('\\u0001'); })";

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-view-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_samples_page_loads_offline_without_errors_and_draws_every_entity_and_fact()
    {
        var g = DiplomacyGraph.Default;
        await using var browser = await Chromium.StartAsync();

        var page = await browser.OpenAsync(Write("sample.html", Schema, Facts));

        Assert.Empty(page.Problems());
        Assert.All(page.Requests(), url => Assert.StartsWith("file:", url, StringComparison.Ordinal));
        Assert.Equal(g.EntityCount, await DrawnAsync<int>(page, "kgView.cy.nodes(':visible').length"));
        Assert.Equal(Ids(g), Sorted(await DrawnAsync<string[]>(page, ShownEntities)));
        Assert.Equal(Keys(g), Sorted(await DrawnAsync<string[]>(page, ShownFacts)));
        Assert.Equal($"{g.EntityCount} of {g.EntityCount} entities, {g.RelationCount} of {g.RelationCount} facts", await page.EvaluateAsync<string>("document.getElementById('counts').textContent"));

        // The laid-out graph fills the view rather than piling up: its entities are spread over it.
        var box = await page.EvaluateAsync("(b => [b.w, b.h])(kgView.cy.nodes().renderedBoundingBox())");
        Assert.True(box[0].GetDouble() > 400 && box[1].GetDouble() > 300, $"the drawing is only {box[0]} × {box[1]} pixels");

        // A click on Lavrov shows his properties, his facts and their sources.
        await ClickEntityAsync(page, g.Lavrov.Id);
        var details = await page.EvaluateAsync<string>("document.getElementById('details').innerText");
        Assert.Contains(g.Lavrov.Name, details, StringComparison.Ordinal);
        var values = new ElementValues("a test");
        var facts = g.Relations<Relation>()
            .Where(r => r.From.Equals(g.Lavrov) || r.To.Equals(g.Lavrov) || values.Of(r).Players.Any(p => p.Player.Equals(g.Lavrov)))
            .ToList();
        Assert.NotEmpty(facts);
        Assert.Equal(facts.Count, await page.EvaluateAsync<int>("document.querySelectorAll('#details ul.facts > li').length"));
        Assert.Contains($"{facts.Count} facts", details, StringComparison.Ordinal);
        var cited = facts.SelectMany(r => r.Sources).Distinct().ToList();
        Assert.NotEmpty(cited);
        foreach (var source in cited)
        {
            Assert.Contains(LabelOf(source), details, StringComparison.Ordinal);
        }

        var screenshot = await page.ScreenshotAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], screenshot[..4]);
        Assert.Equal(1400, ReadBigEndian(screenshot, 16));
        Assert.Equal(900, ReadBigEndian(screenshot, 20));
        File.WriteAllBytes(Path.Combine(_folder, "sample.png"), screenshot);

        // The README's picture is this screenshot: KG_VIEW_SCREENSHOT=docs/images/kg-view.png retakes it.
        if (Environment.GetEnvironmentVariable("KG_VIEW_SCREENSHOT") is { Length: > 0 } picture)
        {
            File.WriteAllBytes(Path.Combine(Repository.Root, picture), screenshot);
        }
    }

    [Fact]
    public async Task Searching_rings_the_entities_whose_name_or_id_holds_the_text_and_enter_selects_the_first()
    {
        var g = DiplomacyGraph.Default;
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenAsync(Write("sample.html", Schema, Facts));

        foreach (var query in new[] { "lavrov", "EMBASSY", "russia" })
        {
            await page.EvaluateAsync("(s => { s.value = ''; s.dispatchEvent(new Event('input')); s.focus(); })(document.getElementById('search'))");
            await page.TypeAsync(query);

            var expected = g.Entities<Entity>()
                .Where(e => e.Id.Contains(query, StringComparison.OrdinalIgnoreCase) || LabelOf(e).Contains(query, StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Id)
                .ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(Sorted(expected), Sorted(await page.EvaluateAsync<string[]>("kgView.cy.nodes('.match').map(node => kgView.data.entities[node.data('index')].id)")));
            Assert.Equal(g.EntityCount - expected.Count, await page.EvaluateAsync<int>("kgView.cy.nodes('.faded').length"));
            Assert.Equal(Math.Min(expected.Count, 100), await page.EvaluateAsync<int>("document.querySelectorAll('#results li').length"));

            await page.PressAsync("Enter", 13);
            Assert.Equal([expected[0]], await page.EvaluateAsync<string[]>("kgView.cy.nodes(':selected').map(node => kgView.data.entities[node.data('index')].id)"));
            Assert.Equal(LabelOf(g.FindEntity(expected[0])!), await page.EvaluateAsync<string>("document.querySelector('#details h2').textContent"));
        }

        await page.EvaluateAsync("(s => { s.value = ''; s.dispatchEvent(new Event('input')); })(document.getElementById('search'))");
        Assert.Equal(0, await page.EvaluateAsync<int>("kgView.cy.elements('.faded, .match').length"));
        Assert.Empty(page.Problems());
    }

    [Fact]
    public async Task Each_stop_of_the_date_slider_draws_what_AsOf_keeps_that_day()
    {
        var g = DiplomacyGraph.Default;
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenAsync(Write("sample.html", Schema, Facts));

        var smaller = await AssertSliderFollowsAsOfAsync(page, g);

        // The sample's story has a before and an after: some day draws less than the whole graph.
        Assert.True(smaller > 0, "no stop of the slider drew less than the whole graph");
        Assert.Empty(page.Problems());
    }

    [Fact]
    public async Task The_hostile_models_texts_show_as_text_and_its_vague_periods_as_AsOf_reads_them()
    {
        var graph = HostileGraph();
        await using var browser = await Chromium.StartAsync();

        var page = await browser.OpenAsync(Write("hostile.html", Hostile));

        Assert.Empty(page.Problems());
        Assert.Equal(graph.EntityCount, await DrawnAsync<int>(page, "kgView.cy.nodes(':visible').length"));
        Assert.Equal(Ids(graph), Sorted(await DrawnAsync<string[]>(page, ShownEntities)));
        Assert.Equal(Keys(graph), Sorted(await DrawnAsync<string[]>(page, ShownFacts)));

        // Every entity's name is drawn, and shown on a click, as the very text of the file.
        Assert.Equal(graph.Entities<Entity>().Select(LabelOf), await page.EvaluateAsync<string[]>("kgView.cy.nodes().map(node => node.data('label'))"));
        foreach (var entity in graph.Entities<Entity>())
        {
            await ClickEntityAsync(page, entity.Id);
            Assert.Equal(LabelOf(entity), await page.EvaluateAsync<string>("document.querySelector('#details h2').textContent"));
            Assert.Contains("id " + entity.Id, await page.EvaluateAsync<string>("document.querySelector('#details .meta').textContent"), StringComparison.Ordinal);
        }

        // No text became markup: the page holds its own three scripts and nothing else the hostile texts name.
        Assert.Equal(3, await page.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img, iframe, object, embed').length"));
        Assert.Equal("HostileGraph", await page.EvaluateAsync<string>("document.title"));

        await AssertSliderFollowsAsOfAsync(page, graph);
        Assert.Empty(page.Problems());
    }

    [Fact]
    public async Task Unticking_a_relation_type_hides_its_facts_and_ticking_it_shows_them_again()
    {
        var g = DiplomacyGraph.Default;
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenAsync(Write("sample.html", Schema, Facts));

        foreach (var type in new[] { "paraphrased", "locatedIn" })
        {
            var count = g.Relations<Relation>().Count(r => r.TypeName == type);
            Assert.True(count > 0);
            var box = $"document.querySelector('#relations input[value=\"{type}\"]')";

            await page.EvaluateAsync($"{box}.click()");

            var shown = await DrawnAsync<string[]>(page, ShownFacts);
            Assert.Equal(g.RelationCount - count, shown.Length);
            Assert.DoesNotContain(shown, key => key.Split('\u0001')[1] == type);
            Assert.Equal(g.EntityCount, await DrawnAsync<int>(page, "kgView.cy.nodes(':visible').length"));

            await page.EvaluateAsync($"{box}.click()");
            Assert.Equal(g.RelationCount, (await DrawnAsync<string[]>(page, ShownFacts)).Length);
        }

        Assert.Empty(page.Problems());
    }

    [Fact]
    public async Task A_graph_without_facts_or_dates_loads_with_the_slider_at_all_time_and_disabled()
    {
        var model = Path.Combine(_folder, "lone.kg.json");
        File.WriteAllText(model, """{ "graph": "LoneGraph", "entityTypes": { "Thing": {} }, "entities": { "only": { "type": "Thing" } } }""");
        await using var browser = await Chromium.StartAsync();

        var page = await browser.OpenAsync(Write("lone.html", model));

        Assert.Empty(page.Problems());
        Assert.Equal(["only"], await DrawnAsync<string[]>(page, ShownEntities));
        Assert.Equal("all time", await page.EvaluateAsync<string>("document.getElementById('day').textContent"));
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('time').disabled"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('#relations input').length"));
    }

    [Fact]
    public async Task A_page_of_five_thousand_entities_loads_and_draws_them_all()
    {
        var model = Path.Combine(_folder, "large.kg.json");
        File.WriteAllText(model, ViewCommandTests.Model(GraphPage.MaxEntities));
        await using var browser = await Chromium.StartAsync();

        var page = await browser.OpenAsync(Write("large.html", model));

        Assert.Empty(page.Problems());
        Assert.Equal(GraphPage.MaxEntities, await DrawnAsync<int>(page, "kgView.cy.nodes(':visible').length"));
        Assert.Equal(GraphPage.MaxEntities - 1, await DrawnAsync<int>(page, "kgView.cy.edges(':visible').length"));
    }

    /// <summary>Moves the slider to each stop and compares what is drawn with <see cref="GraphView.AsOf"/> of its day.</summary>
    /// <returns>How many stops drew less than the whole graph.</returns>
    private static async Task<int> AssertSliderFollowsAsOfAsync(ChromiumPage page, GraphView graph)
    {
        var stops = await page.EvaluateAsync<int>("Number(document.getElementById('time').max)");
        Assert.True(stops > 0, "the slider has no day");
        var smaller = 0;
        for (var stop = 0; stop <= stops; stop++)
        {
            await page.EvaluateAsync($"(t => {{ t.value = '{stop}'; t.dispatchEvent(new Event('input')); }})(document.getElementById('time'))");
            var day = await page.EvaluateAsync<string>("document.getElementById('day').textContent");
            if (stop == stops)
            {
                Assert.Equal("all time", day);
            }

            var expected = stop == stops ? graph : graph.AsOf(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture));

            Assert.Equal(Ids(expected), Sorted(await DrawnAsync<string[]>(page, ShownEntities)));
            Assert.Equal(Keys(expected), Sorted(await DrawnAsync<string[]>(page, ShownFacts)));
            if (expected.EntityCount < graph.EntityCount || expected.RelationCount < graph.RelationCount)
            {
                smaller++;
            }
        }

        return smaller;
    }

    /// <summary>The value of a script expression once the page has drawn what it was last asked to: cytoscape.js restyles on the next frame.</summary>
    private static Task<T> DrawnAsync<T>(ChromiumPage page, string expression) =>
        page.EvaluateAsync<T>($"new Promise(drawn => requestAnimationFrame(() => requestAnimationFrame(drawn))).then(() => {expression})");

    private static async Task ClickEntityAsync(ChromiumPage page, string id)
    {
        // Brings the entity to the middle of the view, then clicks where it is drawn.
        var point = await page.EvaluateAsync(
            $"(() => {{ const cy = kgView.cy; const node = cy.nodes().filter(n => kgView.data.entities[n.data('index')].id === {JsonSerializer.Serialize(id)}); " +
            "cy.zoom(1.5); cy.center(node); const p = node.renderedPosition(); const box = cy.container().getBoundingClientRect(); return [box.left + p.x, box.top + p.y]; })()");
        await page.ClickAsync(point[0].GetDouble(), point[1].GetDouble());
    }

    private string Write(string name, params string[] files)
    {
        var file = Path.Combine(_folder, name);
        var (code, _, error) = Kg(["view", "--output", file, .. files]);
        Assert.True(code == ExitCodes.Success, error);
        return file;
    }

    private static GraphView HostileGraph()
    {
        var model = CheckCommand.ReadOneGraph([Hostile], TextWriter.Null, "none", "view");
        Assert.NotNull(model);
        return FileGraph.Create(model);
    }

    private static string LabelOf(Entity entity) => new ElementValues("a test").Of(entity).Text("name") ?? entity.Id;

    private static string[] Ids(GraphView graph) => Sorted(graph.Entities<Entity>().Select(e => e.Id));

    private static string[] Keys(GraphView graph) => Sorted(graph.Relations<Relation>().Select(r => $"{r.From.Id}\u0001{r.TypeName}\u0001{r.To.Id}"));

    private static string[] Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
