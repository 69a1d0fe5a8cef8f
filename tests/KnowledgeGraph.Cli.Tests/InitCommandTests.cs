using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kg-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Init_writes_a_model_a_project_and_a_program_and_says_what_comes_next()
    {
        var target = Path.Combine(_folder, "Books");

        var (code, output, error) = Kg("init", target);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(["Books.csproj", "Program.cs", "model.kg.json"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in new[] { "model.kg.json", "Books.csproj", "Program.cs" })
        {
            Assert.Contains($"Wrote {Path.Combine(target, file)}{Environment.NewLine}", output);
        }

        Assert.Contains("dotnet run", output);

        var model = File.ReadAllText(Path.Combine(target, "model.kg.json"));
        Assert.Contains($"\"$schema\": \"{KgJsonWriter.SchemaUrl}\"", model);
        Assert.Contains("\"namespace\": \"Books\"", model);
        Assert.Contains("using Books;", File.ReadAllText(Path.Combine(target, "Program.cs")));

        var project = XDocument.Load(Path.Combine(target, "Books.csproj"));
        var reference = project.Descendants("PackageReference").Single();
        Assert.Equal("KnowledgeGraph", reference.Attribute("Include")!.Value);
        Assert.Equal(InitCommand.PackageVersion, reference.Attribute("Version")!.Value);
        Assert.DoesNotContain('+', InitCommand.PackageVersion);
        Assert.Equal($"net{Environment.Version.Major}.0", project.Descendants("TargetFramework").Single().Value);
    }

    [Fact]
    public void The_starter_model_passes_kg_check_without_a_warning()
    {
        var target = Path.Combine(_folder, "Starter");
        Assert.Equal(0, Kg("init", target).Code);

        var (code, output, error) = Kg("check", Path.Combine(target, "model.kg.json"));

        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Contains("0 errors, 0 warnings in 1 file", error);
    }

    [Fact]
    public void Init_never_overwrites_a_file_and_writes_nothing_when_one_exists()
    {
        File.WriteAllText(Path.Combine(_folder, "Program.cs"), "// mine");

        var (code, output, error) = Kg("init", _folder, "--name", "Mine");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"kg: {Path.Combine(_folder, "Program.cs")} already exists; kg init never overwrites a file.", error);
        Assert.Contains("Usage:", error);
        Assert.Equal("// mine", File.ReadAllText(Path.Combine(_folder, "Program.cs")));
        Assert.Equal(["Program.cs"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_second_init_into_the_same_folder_is_refused()
    {
        Assert.Equal(0, Kg("init", _folder).Code);
        var before = File.ReadAllText(Path.Combine(_folder, "model.kg.json"));

        var (code, _, error) = Kg("init", _folder);

        Assert.Equal(2, code);
        Assert.Contains("already exist; kg init never overwrites a file.", error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_folder, "model.kg.json")));
    }

    [Theory]
    [InlineData("my-first app", "MyFirstApp")]
    [InlineData("books.demo", "BooksDemo")]
    [InlineData("2025-notes", "_2025Notes")]
    [InlineData("snake_case", "Snake_case")]
    [InlineData("class", "Class")]
    [InlineData("---", "KnowledgeGraphApp")]
    public void The_folders_name_is_made_a_csharp_identifier(string folderName, string expected)
    {
        Assert.Equal(expected, InitCommand.IdentifierOf(folderName));
        Assert.True(InitCommand.IsIdentifier(expected));

        var target = Path.Combine(_folder, folderName);
        Assert.Equal(0, Kg("init", target).Code);
        Assert.True(File.Exists(Path.Combine(target, expected + ".csproj")));
        Assert.Contains($"\"namespace\": \"{expected}\"", File.ReadAllText(Path.Combine(target, "model.kg.json")));
    }

    [Fact]
    public void The_name_option_names_the_project_and_the_namespace()
    {
        var (code, _, _) = Kg("init", _folder, "--name", "Catalog");

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_folder, "Catalog.csproj")));
        Assert.Contains("\"namespace\": \"Catalog\"", File.ReadAllText(Path.Combine(_folder, "model.kg.json")));
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("my-app")]
    [InlineData("class")]
    [InlineData("")]
    public void A_name_that_is_not_an_identifier_is_bad_usage(string name)
    {
        var (code, output, error) = Kg("init", _folder, "--name", name);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"kg: '{name}' is not a C# identifier", error);
        Assert.Contains("Usage:", error);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("init", "--force")]
    [InlineData("init", "a", "b")]
    [InlineData("init", "--name")]
    public void Bad_usage_is_a_message_and_the_usage_never_a_stack_trace(params string[] args)
    {
        var (code, output, error) = Kg(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("kg: ", error);
        Assert.Contains("Usage:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_file_where_the_folder_should_be_is_bad_usage()
    {
        var file = Path.Combine(_folder, "taken");
        File.WriteAllText(file, "");

        var (code, _, error) = Kg("init", file);

        Assert.Equal(2, code);
        Assert.Contains($"kg: '{file}' is a file, not a folder.", error);
    }
}
