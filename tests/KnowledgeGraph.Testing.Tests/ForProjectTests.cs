using System;
using System.IO;
using System.Linq;

namespace KnowledgeGraph.Testing.Tests;

/// <summary>What ForProject reads of a project file: the files and namespace the package's build logic gives the generator.</summary>
public sealed class ForProjectTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string TestFile => Path.Combine(_folder.Path, "Tests.cs");

    public void Dispose() => _folder.Dispose();

    private string Project(string name, string body) =>
        _folder.Write($"App/{name}.csproj", $"""<Project Sdk="Microsoft.NET.Sdk">{body}</Project>""");

    private static string[] GeneratedTypes(GeneratorRun run) => run.Sources.Keys.ToArray();

    [Fact]
    public void Every_kg_json_file_under_the_project_but_not_under_bin_obj_or_a_dot_folder_with_the_project_name_as_namespace()
    {
        _folder.Write("App/Models/library.kg.json", Models.Schema);
        _folder.Write("App/facts.kg.json", Models.Facts);
        _folder.Write("App/bin/Debug/copy.kg.json", "not even JSON");
        _folder.Write("App/obj/copy.kg.json", "not even JSON");
        _folder.Write("App/.cache/copy.kg.json", "not even JSON");
        Project("My App", "");

        var run = GeneratorRun.ForProject("App/My App.csproj", TestFile);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("My_App.Author.g.cs", GeneratedTypes(run));
        Assert.Equal(Path.Combine(_folder.Path, "App"), run.ProjectDirectory);
    }

    [Fact]
    public void The_same_files_give_the_same_sources_as_ForFiles()
    {
        _folder.Write("App/library.kg.json", Models.Schema);
        _folder.Write("App/facts.kg.json", Models.Facts);
        Project("App", "<PropertyGroup><RootNamespace>Books</RootNamespace></PropertyGroup>");

        var project = GeneratorRun.ForProject("App/App.csproj", TestFile);
        var files = GeneratorRun.ForFiles(["App/facts.kg.json", "App/library.kg.json"], "Books", TestFile);

        Assert.Equal(files.Sources, project.Sources);
        Assert.Contains("Books.LibraryGraph.g.cs", GeneratedTypes(project));
    }

    [Fact]
    public void Without_default_items_only_the_listed_additional_files_count_less_those_removed()
    {
        _folder.Write("Shared/library.kg.json", Models.Schema);
        _folder.Write("Shared/facts.kg.json", Models.Facts);
        _folder.Write("Shared/draft.kg.json", "not even JSON");
        _folder.Write("App/ignored.kg.json", "not even JSON");
        Project("App", """
            <PropertyGroup><EnableDefaultKnowledgeGraphItems>false</EnableDefaultKnowledgeGraphItems></PropertyGroup>
            <ItemGroup>
              <AdditionalFiles Include="../Shared/**/*.kg.json" />
              <AdditionalFiles Remove="../Shared/draft.kg.json" />
              <AdditionalFiles Include="notes.txt" />
            </ItemGroup>
            """);

        var run = GeneratorRun.ForProject("App/App.csproj", TestFile);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("App.LibraryGraph.g.cs", GeneratedTypes(run));
    }

    [Fact]
    public void A_mistake_is_reported_with_its_path_relative_to_the_project()
    {
        _folder.Write("App/Models/library.kg.json", Models.Schema);
        _folder.Write("App/Models/facts.kg.json", Models.FactsWithUnknownEntity);
        Project("App", "");

        var run = GeneratorRun.ForProject("App/App.csproj", TestFile);

        Assert.Matches(@"^Models/facts\.kg\.json\(9,\d+\): error KG0007: ", run.DiagnosticsText());
    }

    [Theory]
    [InlineData("<PropertyGroup Condition=\"'$(Configuration)' == 'Release'\"><RootNamespace>Other</RootNamespace></PropertyGroup>")]
    [InlineData("<PropertyGroup><RootNamespace Condition=\"'$(X)' == ''\">Other</RootNamespace></PropertyGroup>")]
    [InlineData("<PropertyGroup><RootNamespace>$(MSBuildProjectName.ToLower())</RootNamespace></PropertyGroup>")]
    [InlineData("<PropertyGroup><RootNamespace>$(CompanyPrefix).App</RootNamespace></PropertyGroup>")]
    [InlineData("<ItemGroup><AdditionalFiles Include=\"a.kg.json\" Condition=\"'$(X)' == ''\" /></ItemGroup>")]
    public void What_only_MSBuild_can_evaluate_fails_instead_of_being_guessed(string body)
    {
        _folder.Write("App/library.kg.json", Models.Schema);
        Project("App", body);

        var error = Assert.Throws<NotSupportedException>(() => GeneratorRun.ForProject("App/App.csproj", TestFile));

        Assert.Contains("use GeneratorRun.ForFiles", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_condition_on_something_else_is_no_obstacle_and_a_plain_property_reference_is_expanded()
    {
        _folder.Write("App/library.kg.json", Models.Schema);
        _folder.Write("App/facts.kg.json", Models.Facts);
        Project("App", """
            <PropertyGroup Condition="'$(Configuration)' == 'Release'"><Optimize>true</Optimize></PropertyGroup>
            <PropertyGroup><Company>Acme</Company><RootNamespace>$(Company).$(MSBuildProjectName)</RootNamespace></PropertyGroup>
            """);

        var run = GeneratorRun.ForProject("App/App.csproj", TestFile);

        Assert.Contains("Acme.App.LibraryGraph.g.cs", GeneratedTypes(run));
    }

    [Fact]
    public void A_project_or_a_list_without_model_files_fails_rather_than_snapshot_nothing()
    {
        _folder.Write("App/bin/copy.kg.json", Models.Schema);
        Project("App", "");

        var error = Assert.Throws<InvalidOperationException>(() => GeneratorRun.ForProject("App/App.csproj", TestFile));

        Assert.Contains("no .kg.json file", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GeneratorRun.ForFiles([], "App", TestFile));
    }

    [Fact]
    public void A_missing_project_or_model_file_is_named()
    {
        Assert.Throws<FileNotFoundException>(() => GeneratorRun.ForProject("App/None.csproj", TestFile));
        Assert.Throws<FileNotFoundException>(() => GeneratorRun.ForFiles(["none.kg.json"], "App", TestFile));
    }
}
