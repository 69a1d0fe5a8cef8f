using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Tests;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--view</c>: whether a page of <c>kg view</c> stays usable at its largest, in headless Chromium (Debian
/// <c>chromium</c>) at 1400×900: the time from opening the page to its first drawing, laid out, and the time of each
/// frame while a script pans and zooms it, a step per frame. A script's pan and zoom redraw the whole graph each
/// frame, without the shortcuts cytoscape.js takes while a hand drags or scrolls: the slow case of what a user sees.
/// </summary>
public static class ViewMode
{
    /// <summary>About the most entities a page draws (<see cref="GraphPage.MaxEntities"/>): 4,979 in the synthetic model.</summary>
    public const int DefaultFacts = 19_500;

    private const int Frames = 240;

    // Alternates a pan and a zoom about the middle, each followed by the frame that draws it; zooms in for 40 frames
    // and out for 40, so the view neither leaves the graph nor shrinks it to a point. The time of each frame, in ms.
    private const string PanAndZoom = """
        (async () => {
          const cy = kgView.cy;
          const box = cy.container().getBoundingClientRect();
          const middle = { x: box.width / 2, y: box.height / 2 };
          const frame = () => new Promise(drawn => requestAnimationFrame(drawn));
          await frame();
          const times = [];
          let last = performance.now();
          for (let i = 0; i < FRAMES; i++) {
            if (i % 2 === 0) {
              cy.panBy({ x: i % 80 < 40 ? 6 : -6, y: 3 });
            } else {
              cy.zoom({ level: cy.zoom() * (i % 80 < 40 ? 1.03 : 1 / 1.03), renderedPosition: middle });
            }
            await frame();
            const now = performance.now();
            times.push(now - last);
            last = now;
          }
          return times;
        })()
        """;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output) => RunAsync(sizes, output).GetAwaiter().GetResult();

    private static async Task RunAsync(IReadOnlyList<int> sizes, TextWriter output)
    {
        output.WriteLine($"| N facts | entities drawn | first drawing s | frame ms, median | 90th percentile | slowest | frames |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        await using var browser = await Chromium.StartAsync();
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("kg-view-benchmark-");
            try
            {
                var data = SyntheticModel.Generate(size);
                SyntheticModel.Write(data, folder.FullName);
                var page = Path.Combine(folder.FullName, "page.html");
                var error = new StringWriter();
                if (KgCommand.Run(["view", "--output", page, folder.FullName], TextWriter.Null, error) != 0)
                {
                    throw new InvalidOperationException($"kg view of {size:N0} facts failed: {error}");
                }

                var clock = Stopwatch.StartNew();
                var opened = await browser.OpenAsync(page);
                var firstDrawing = clock.Elapsed;
                var entities = await opened.EvaluateAsync<int>("kgView.cy.nodes().length");
                if (entities != data.EntityCount || opened.Problems().Count > 0)
                {
                    throw new InvalidOperationException(
                        $"The page drew {entities} of {data.EntityCount} entities; it reported: {string.Join("; ", opened.Problems())}");
                }

                var frames = (await opened.EvaluateAsync<double[]>(PanAndZoom.Replace("FRAMES", Frames.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
                    .Order()
                    .ToArray();
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {size:N0} | {entities:N0} | {firstDrawing.TotalSeconds:F1} | {frames[frames.Length / 2]:F1} | {frames[frames.Length * 9 / 10]:F1} | {frames[^1]:F1} | {frames.Length} |"));
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }
}
