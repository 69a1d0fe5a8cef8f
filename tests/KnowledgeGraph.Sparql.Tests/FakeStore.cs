using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>A store that answers as a test says, for what no real server can be made to do (a malformed answer, a hang).</summary>
internal sealed class FakeStore(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private const string Count = "fake-store-request";
    private int _requests;

    public int Requests => _requests;

    /// <summary>Which request this is, from 1.</summary>
    public static int Requested(HttpRequestMessage request) =>
        request.Options.TryGetValue(new HttpRequestOptionsKey<int>(Count), out var number) ? number : 0;

    public static HttpResponseMessage Json(string body) =>
        new() { Content = new StringContent(body, Encoding.UTF8, "application/sparql-results+json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(new HttpRequestOptionsKey<int>(Count), Interlocked.Increment(ref _requests));
        return answer(request, cancellationToken);
    }
}
