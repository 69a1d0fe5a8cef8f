using System.Threading.Tasks;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>One Virtuoso for every test of the collection: it takes seconds to start.</summary>
public sealed class VirtuosoFixture : IAsyncLifetime
{
    private VirtuosoServer? _server;

    public VirtuosoServer Server => _server!;

    public async Task InitializeAsync() => _server = await VirtuosoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class VirtuosoCollection : ICollectionFixture<VirtuosoFixture>
{
    public const string Name = "Virtuoso";
}
