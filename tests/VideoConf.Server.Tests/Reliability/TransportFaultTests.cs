using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R8: bodies that fail in transit are the client's fault. Each fault, repeated on real Kestrel sockets, gets 400 or
/// 408 in the JSON envelope or a closed connection, never a 500, and leaves no Error line in the log.
/// </summary>
public sealed class TransportFaultTests(TransportFaultTests.SlowBodyServer server) : IClassFixture<TransportFaultTests.SlowBodyServer>
{
    private const int Repeats = 20;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MalformedChunkSize_AnswersBadRequestEveryTime()
    {
        for (var i = 0; i < Repeats; i++)
        {
            var answer = await SendAsync(Head("Transfer-Encoding: chunked") + "zz\r\n{}\r\n0\r\n\r\n", Then.Wait);

            Assert.Equal(400, answer.Status);
            Assert.Contains("\"success\":false", answer.Text, StringComparison.Ordinal);
        }
        await AssertServingWithoutErrorsAsync();
    }

    [Fact]
    public async Task BodyCutShortByTheClient_AnswersBadRequestOrClosesEveryTime()
    {
        for (var i = 0; i < Repeats; i++)
        {
            var answer = await SendAsync(Head("Content-Length: 200") + """{"user":"nobody","pass""", Then.CloseSending);

            // Kestrel may treat the closed half as the client leaving and close without an answer.
            Assert.True(answer.Status is 400 or null, $"answered {answer.Status}: {answer.Text}");
            Assert.True(answer.Status is null || answer.Text.Contains("\"success\":false", StringComparison.Ordinal), answer.Text);
        }
        await AssertServingWithoutErrorsAsync();
    }

    [Fact]
    public async Task ConnectionDroppedMidBodyOrBeforeTheAnswer_LeavesNoErrorEveryTime()
    {
        for (var i = 0; i < Repeats; i++)
        {
            await SendAsync(Head("Content-Length: 200") + """{"user":"nobody","pass""", Then.Drop);
            await SendAsync(Head("Content-Length: 45") + """{"user":"nobody","password":"not-the-secret"}""", Then.Drop);
        }
        await AssertServingWithoutErrorsAsync();
    }

    [Fact]
    public async Task BodySlowerThanTheMinimumRate_AnswersRequestTimeoutOrCloses()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(Head("Content-Length: 100") + "{", Then.Trickle)));

        Assert.All(answers, a => Assert.True(a.Status is 408 or null, $"answered {a.Status}: {a.Text}"));
        Assert.Contains(answers, a => a.Status == 408);
        await AssertServingWithoutErrorsAsync();
    }

    private static string Head(string framing) =>
        $"POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{framing}\r\n\r\n";

    private async Task AssertServingWithoutErrorsAsync()
    {
        var login = await server.CreateApiClient().PostAsync("login", new { user = TestAccounts.AdminUsername, password = TestAccounts.AdminPassword });
        login.AssertOk();
        var errors = server.Logs.LinesAtLeast(LogLevel.Error);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private enum Then
    {
        /// <summary>Wait for the answer.</summary>
        Wait,

        /// <summary>Close the sending side (the body ends early), then wait for the answer.</summary>
        CloseSending,

        /// <summary>Reset the connection at once, without waiting.</summary>
        Drop,

        /// <summary>Send the rest of the body one byte every half second, far below the minimum rate.</summary>
        Trickle,
    }

    private sealed record Answer(int? Status, string Text);

    private async Task<Answer> SendAsync(string request, Then then)
    {
        var address = server.CreateClient().BaseAddress!;
        using var cancel = new CancellationTokenSource(Bound);
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancel.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancel.Token);
        switch (then)
        {
            case Then.Drop:
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return new Answer(null, string.Empty);
            case Then.CloseSending:
                client.Client.Shutdown(SocketShutdown.Send);
                break;
            case Then.Trickle:
                _ = TrickleAsync(stream, cancel.Token);
                break;
        }
        return await ReadAnswerAsync(stream, cancel.Token);
    }

    private static async Task TrickleAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < 99; i++)
            {
                await Task.Delay(500, cancellationToken);
                await stream.WriteAsync("x"u8.ToArray(), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The server gave up on the body, as it should.
        }
    }

    private static async Task<Answer> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
                if (HasWholeAnswer(received.ToArray()))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // A reset after (or instead of) the answer.
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No answer within {Bound.TotalSeconds} s.");
        }
        var text = Encoding.UTF8.GetString(received.ToArray());
        return text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && text.Length >= 12
            ? new Answer(int.Parse(text.AsSpan(9, 3), CultureInfo.InvariantCulture), text)
            : new Answer(null, text);
    }

    private static bool HasWholeAnswer(byte[] received)
    {
        var text = Encoding.UTF8.GetString(received);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var length = text[..end].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && received.Length >= Encoding.UTF8.GetByteCount(text[..(end + 4)]) + int.Parse(length["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The server on real sockets with a two-second grace for the minimum body data rate (default five).</summary>
    public sealed class SlowBodyServer : VideoConfFactory
    {
        public SlowBodyServer()
        {
            WithSetting("urls", "http://127.0.0.1:0");
            UseKestrel(0);
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Configure<KestrelServerOptions>(kestrel =>
                kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2)));
    }
}
