using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg init [FOLDER] [--name NAME]</c>: a starter model, a project that references the package and a
/// <c>Program.cs</c> that queries the model, written into a folder; an existing file is never overwritten.
/// </summary>
internal static class InitCommand
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    public static Command Create(TextWriter output)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The folder to write into (created when missing); default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        folder.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-') && !Directory.Exists(token.Value)))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var name = new Option<string?>("--name", "-n")
        {
            Description = "The project's name and the model's namespace, a C# identifier; default: the folder's name made one.",
        };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IsIdentifier(value))
            {
                result.AddError($"'{value}' is not a C# identifier (letters, digits and _, not starting with a digit, not a keyword).");
            }
        });

        var command = new Command("init", "Writes a starter model (model.kg.json), a project and a Program.cs that queries the model. Exit codes: 0 written, 2 bad usage or a file that exists.")
        {
            folder,
            name,
        };
        command.SetAction(parseResult =>
        {
            var directory = Path.GetFullPath(parseResult.GetValue(folder)!);
            if (File.Exists(directory))
            {
                throw new UsageException($"'{parseResult.GetValue(folder)}' is a file, not a folder.");
            }

            var projectName = parseResult.GetValue(name) ?? IdentifierOf(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)));
            var files = Files(projectName);
            var existing = files.Keys.Where(file => File.Exists(Path.Combine(directory, file)) || Directory.Exists(Path.Combine(directory, file))).ToArray();
            if (existing.Length > 0)
            {
                throw new UsageException($"{string.Join(", ", existing.Select(file => Path.Combine(directory, file)))} already exist{(existing.Length == 1 ? "s" : "")}; kg init never overwrites a file. Choose another folder.");
            }

            Directory.CreateDirectory(directory);
            foreach (var (file, text) in files)
            {
                using var stream = new FileStream(Path.Combine(directory, file), FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
                output.WriteLine($"Wrote {Path.Combine(directory, file)}");
            }

            output.WriteLine();
            output.WriteLine("Next steps:");
            output.WriteLine($"  cd {directory}");
            output.WriteLine("  dotnet run");
            output.WriteLine("Then edit model.kg.json: the build turns it into typed classes and reports each mistake on its line.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The version of the package the project references: the tool's own, without a <c>+commit</c> suffix.</summary>
    internal static string PackageVersion
    {
        get
        {
            var version = typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(InitCommand).Assembly.GetName().Version!.ToString(3);
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>Whether <paramref name="name"/> can be a project name and a namespace as it is.</summary>
    internal static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !Keywords.Contains(name);

    /// <summary>
    /// A folder's name made a C# identifier: each run of other characters than ASCII letters and digits starts a
    /// new word (<c>my-first app</c> → <c>MyFirstApp</c>), a leading digit or a keyword gets a <c>_</c>.
    /// </summary>
    internal static string IdentifierOf(string folderName)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in folderName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else if (c == '_')
            {
                builder.Append(c);
            }
            else
            {
                upper = true;
            }
        }

        var name = builder.Length == 0 ? "KnowledgeGraphApp" : builder.ToString();
        return char.IsAsciiDigit(name[0]) || Keywords.Contains(name) ? "_" + name : name;
    }

    /// <summary>The files <c>kg init</c> writes, by name, for a project named <paramref name="name"/>.</summary>
    internal static IReadOnlyDictionary<string, string> Files(string name) => new Dictionary<string, string>
    {
        ["model.kg.json"] = Model(name),
        [name + ".csproj"] = Project(),
        ["Program.cs"] = Program(name),
    };

    private static string Model(string name) => $$"""
        {
          "$schema": "{{KgJsonWriter.SchemaUrl}}",
          "namespace": "{{name}}",
          "graph": "LibraryGraph",
          "entityTypes": {
            "Author": { "description": "A writer.", "properties": { "name": "string" } },
            "Book": { "description": "A published book.", "properties": { "title": "string", "year": "int" } },
            "City": { "properties": { "name": "string" } }
          },
          "relationTypes": {
            "wrote": { "from": "Author", "to": "Book", "inverse": "writtenBy" },
            "bornIn": { "from": "Author", "to": "City", "cardinality": "many-to-one" }
          },
          "entities": {
            "tolstoy": { "type": "Author", "name": "Leo Tolstoy" },
            "dostoevsky": { "type": "Author", "name": "Fyodor Dostoevsky" },
            "warAndPeace": { "type": "Book", "title": "War and Peace", "year": 1869 },
            "annaKarenina": { "type": "Book", "title": "Anna Karenina", "year": 1878 },
            "crimeAndPunishment": { "type": "Book", "title": "Crime and Punishment", "year": 1866 },
            "yasnayaPolyana": { "type": "City", "name": "Yasnaya Polyana" },
            "moscow": { "type": "City", "name": "Moscow" }
          },
          "relations": [
            ["tolstoy", "wrote", "warAndPeace"],
            ["tolstoy", "wrote", "annaKarenina"],
            ["dostoevsky", "wrote", "crimeAndPunishment"],
            ["tolstoy", "bornIn", "yasnayaPolyana"],
            ["dostoevsky", "bornIn", "moscow"]
          ]
        }

        """;

    // The framework the tool runs on is one the machine has, and one the package supports (8 or later).
    private static string Project() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <!-- Every *.kg.json file of the project becomes typed C# classes at build time. -->
            <PackageReference Include="KnowledgeGraph" Version="{PackageVersion}" />
          </ItemGroup>
        </Project>

        """;

    private static string Program(string name) => $$"""
        using {{name}};

        // LibraryGraph is generated from model.kg.json at build time: a class per type, a member per entity.
        var g = LibraryGraph.Default;
        Console.WriteLine($"{g.EntityCount} entities, {g.RelationCount} facts");

        foreach (var author in g.Entities<Author>())
        {
            var books = string.Join(", ", author.Wrote.Select(book => $"{book.Title} ({book.Year})"));
            Console.WriteLine($"{author.Name}, born in {author.BornIn?.Name}, wrote {books}");
        }

        // The inverse of 'wrote', declared in the model.
        Console.WriteLine($"{g.AnnaKarenina.Title} was written by {string.Join(", ", g.AnnaKarenina.WrittenBy.Select(author => author.Name))}");

        """;
}
