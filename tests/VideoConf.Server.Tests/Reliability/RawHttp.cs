using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// Sends exact bytes over a TCP connection and reads the status line of the answer, for requests an HTTP client will
/// not send (bytes that are not ASCII in the request line or headers, control characters).
/// </summary>
internal static class RawHttp
{
    /// <summary>The answer's status code, or null when the server closed the connection without one. Throws on a hang.</summary>
    public static async Task<int?> SendAsync(Uri server, byte[] request, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancel.Token);
        }
        catch (IOException)
        {
            // The server may refuse and close before it has read everything; its answer can still be read.
        }
        var received = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (!EndOfHead(received))
            {
                var read = await stream.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    break;
                }
                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {timeout.TotalSeconds} s.");
        }
        catch (IOException) when (received.Count == 0)
        {
            return null;
        }
        var head = Encoding.ASCII.GetString([.. received]);
        return head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && head.Length >= 12
            ? int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture)
            : null;
    }

    private static bool EndOfHead(List<byte> received) => received.ToArray().AsSpan().IndexOf("\r\n\r\n"u8) >= 0;

    /// <summary>A GET request with the given target and extra header lines, as bytes (Latin-1 for characters up to 0xFF).</summary>
    public static byte[] Get(Uri server, string target, params string[] headerLines)
    {
        var text = new StringBuilder($"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var line in headerLines)
        {
            text.Append(line).Append("\r\n");
        }
        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }
}
