using System.CommandLine;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Cli;

/// <summary>
/// The options <c>--around ID --depth N</c> of the commands that work on a graph: only the entities at most N facts
/// away from one, as <see cref="GraphView.Around"/> keeps them.
/// </summary>
internal sealed class Neighbourhood
{
    private readonly Option<string> _around;
    private readonly Option<int> _depth = new("--depth")
    {
        Description = "How many facts away from --around an entity may be.",
        DefaultValueFactory = _ => 2,
        CustomParser = CheckCommand.CountOf("--depth", 0),
    };

    /// <param name="verb">What the command does with the neighbourhood, for the help: "Export".</param>
    public Neighbourhood(string verb) =>
        _around = new Option<string>("--around") { Description = $"{verb} only the neighbourhood of the entity with this id." };

    /// <summary>Adds both options to <paramref name="command"/>, and the rule that <c>--depth</c> goes with <c>--around</c>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_around);
        command.Options.Add(_depth);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_depth) is { Implicit: false } && result.GetValue(_around) is null)
            {
                result.AddError("--depth needs --around.");
            }
        });
    }

    /// <summary>The graph of <paramref name="model"/>, or the neighbourhood the options ask for.</summary>
    /// <exception cref="UsageException">The graph has no entity with the id <c>--around</c> gives.</exception>
    public GraphView Of(GraphModel model, ParseResult parseResult)
    {
        GraphView view = FileGraph.Create(model);
        if (parseResult.GetValue(_around) is not { } id)
        {
            return view;
        }

        var entity = view.FindEntity(id) ?? throw new UsageException($"graph '{model.ClassName}' has no entity with the id '{id}'.");
        return view.Around(entity, parseResult.GetValue(_depth));
    }
}
