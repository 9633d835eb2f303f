using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>
/// §1 request limits and R6: a body over 1 MB is refused with the JSON 413 and nothing is stored, whether its length
/// is announced or it arrives streamed. Run against the in-memory server and against real Kestrel.
/// </summary>
public abstract class BodyLimitTests<TFactory>(TFactory factory)
    where TFactory : FaultInjectionFactory
{
    private const int OneMegabyte = 1024 * 1024;

    [Fact]
    public async Task Create_WithAnnouncedLengthOverOneMegabyte_Returns413AndStoresNothing()
    {
        var admin = await factory.LoginAdminAsync();
        var name = UniqueName.For("announced");
        var content = new ByteArrayContent(PaddedCreateBody(name, OneMegabyte + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await SendTracedAsync(Raw(admin), content, out var trace, expectContinue: true);

        response.AssertBody(HttpStatusCode.RequestEntityTooLarge, ApiBodies.PayloadTooLarge);
        ApiAssert.HasApiHeaders(response);
        Assert.Equal(OneMegabyte + 1, factory.AnnouncedLengths[trace]);
        await AssertNoRoomAsync(admin, name);
    }

    [Fact]
    public async Task Create_WithStreamedBodyOneByteOverOneMegabyte_Returns413AndStoresNothing()
    {
        var admin = await factory.LoginAdminAsync();
        var name = UniqueName.For("streamed");

        var response = await SendTracedAsync(Raw(admin), new UnknownLengthContent(PaddedCreateBody(name, OneMegabyte + 1)), out var trace);

        response.AssertBody(HttpStatusCode.RequestEntityTooLarge, ApiBodies.PayloadTooLarge);
        ApiAssert.HasApiHeaders(response);
        Assert.Equal(-1, factory.AnnouncedLengths[trace]);
        await AssertNoRoomAsync(admin, name);
    }

    [Fact]
    public async Task Create_WithStreamedBodyOfSeveralMegabytes_Returns413AndStoresNothing()
    {
        var admin = await factory.LoginAdminAsync();
        var name = UniqueName.For("streamed-big");

        var response = await SendOversizedAsync(Raw(admin), new UnknownLengthContent(PaddedCreateBody(name, 4 * OneMegabyte)));

        response?.AssertBody(HttpStatusCode.RequestEntityTooLarge, ApiBodies.PayloadTooLarge);
        await AssertNoRoomAsync(admin, name);
    }

    [Fact]
    public async Task Create_WithAnnouncedLengthOfExactlyOneMegabyte_IsAccepted()
    {
        var admin = await factory.LoginAdminAsync();
        var name = UniqueName.For("exact");
        var content = new ByteArrayContent(PaddedCreateBody(name, OneMegabyte));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await admin.PostRawAsync("channels.create", content);

        response.AssertOk();
        (await admin.GetAsync($"rooms.info?roomName={name}")).AssertOk();
    }

    [Fact]
    public async Task Create_WithStreamedBodyOfExactlyOneMegabyte_IsAccepted()
    {
        var admin = await factory.LoginAdminAsync();
        var name = UniqueName.For("exact-streamed");

        var response = await SendTracedAsync(Raw(admin), new UnknownLengthContent(PaddedCreateBody(name, OneMegabyte)), out var trace);

        response.AssertOk();
        Assert.Equal(-1, factory.AnnouncedLengths[trace]);
        (await admin.GetAsync($"rooms.info?roomName={name}")).AssertOk();
    }

    [Fact]
    public async Task Create_WithStreamedBodyUnderOneMegabyteInSmallChunks_IsAccepted()
    {
        var admin = await factory.LoginAdminAsync();
        var name = UniqueName.For("small-chunks");

        // 600 KB of JSON in 4-byte chunks: the chunk framing alone is larger than the 1 MB, the body is not.
        var response = await SendTracedAsync(Raw(admin), new UnknownLengthContent(PaddedCreateBody(name, 600 * 1024), pieceSize: 4), out var trace);

        response.AssertOk();
        Assert.Equal(-1, factory.AnnouncedLengths[trace]);
        (await admin.GetAsync($"rooms.info?roomName={name}")).AssertOk();
    }

    [Fact]
    public async Task Create_WithOversizedBodyAndNoCredentials_ChecksAuthenticationFirst()
    {
        var content = new ByteArrayContent(PaddedCreateBody(UniqueName.For("anonymous"), OneMegabyte + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await SendTracedAsync(new ApiClient(CreateRawClient()), content, out _, expectContinue: true);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Login_WithBodyOverOneMegabyte_Returns413()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"user":"admin","password":"{{new string('x', OneMegabyte)}}"}"""));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login") { Content = content };
        request.Headers.ExpectContinue = true;

        var response = await new ApiClient(CreateRawClient()).SendAsync(request);

        response.AssertBody(HttpStatusCode.RequestEntityTooLarge, ApiBodies.PayloadTooLarge);
    }

    [Fact]
    public async Task Server_AfterRefusingLargeBodies_StillServes()
    {
        var admin = await factory.LoginAdminAsync();
        await SendOversizedAsync(Raw(admin), new UnknownLengthContent(PaddedCreateBody(UniqueName.For("before"), 2 * OneMegabyte)));

        var response = await admin.PostAsync("channels.create", new { name = UniqueName.For("after") });

        response.AssertOk();
    }

    /// <summary>
    /// On real sockets the server answers 413 and closes the connection as soon as it has read just over 1 MB; a
    /// client still writing the rest may see the connection cut (broken pipe) before it reads that answer.
    /// </summary>
    protected virtual bool OverRealSockets => false;

    /// <summary>
    /// Sends a body far over the limit; returns the response, or null when, over real sockets, the connection was
    /// cut while the client was still sending (see <see cref="OverRealSockets"/>).
    /// </summary>
    private async Task<ApiResponse?> SendOversizedAsync(ApiClient client, HttpContent content)
    {
        try
        {
            return await SendTracedAsync(client, content, out _);
        }
        catch (HttpRequestException) when (OverRealSockets)
        {
            return null;
        }
    }

    /// <summary>
    /// A client without the test factory's redirect handler, which would buffer a streamed body and announce its
    /// length. Over real sockets it also waits for the server's interim answer to <c>Expect: 100-continue</c> as long as
    /// it takes, so that an early refusal is heard before any of the body is sent.
    /// </summary>
    protected virtual HttpClient CreateRawClient() => factory.CreateDefaultClient();

    private ApiClient Raw(ApiClient loggedIn) => new ApiClient(CreateRawClient()).As(loggedIn.UserId!, loggedIn.AuthToken!);

    /// <summary>
    /// Sends a <c>channels.create</c> whose body length the server records under <paramref name="trace"/>.
    /// <paramref name="expectContinue"/> lets the client hear an early refusal before it has sent the whole body, as
    /// curl does for large uploads; without it the client is still writing when the server answers and closes.
    /// </summary>
    private static Task<ApiResponse> SendTracedAsync(ApiClient client, HttpContent content, out string trace, bool expectContinue = false)
    {
        trace = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/channels.create") { Content = content };
        request.Headers.Add(FaultGate.TraceHeader, trace);
        request.Headers.ExpectContinue = expectContinue;
        return client.SendAsync(request);
    }

    private static async Task AssertNoRoomAsync(ApiClient admin, string name) =>
        (await admin.GetAsync($"rooms.info?roomName={name}")).AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);


    /// <summary>A valid <c>channels.create</c> body of exactly <paramref name="length"/> bytes (whitespace padding).</summary>
    private static byte[] PaddedCreateBody(string name, int length)
    {
        var head = $$"""{"name":"{{name}}" """;
        var bytes = Encoding.UTF8.GetBytes(head + new string(' ', length - head.Length - 1) + "}");
        Assert.Equal(length, bytes.Length);
        return bytes;
    }
}
