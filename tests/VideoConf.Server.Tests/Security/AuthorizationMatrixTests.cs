using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Security;

/// <summary>
/// S2 (docs/contract.md): every video-conference and room endpoint, called by a member, a non-member, an admin who is not a
/// member and an anonymous caller, on a public channel (<c>c</c>), a private group (<c>p</c>) and a direct room
/// (<c>d</c>). Each cell is checked against the contract's table below (§3 access rule and room endpoints, §6.3),
/// on a room and call of its own.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.MatrixFactory factory) : IClassFixture<AuthorizationMatrixTests.MatrixFactory>
{
    /// <summary>The server, with the callers every cell shares: the admin, an outsider, and a bystander to kick.</summary>
    public sealed class MatrixFactory : VideoConfFactory
    {
        private readonly Lazy<Task<(ApiClient Admin, ApiClient Outsider, ApiClient Bystander)>> _shared;

        public MatrixFactory()
        {
            _shared = new(async () => (await this.LoginAdminAsync(), await this.NewUserAsync("outsider"), await this.NewUserAsync("bystander")));
        }

        public Task<(ApiClient Admin, ApiClient Outsider, ApiClient Bystander)> SharedAsync() => _shared.Value;
    }

    public enum Caller
    {
        Member,
        NonMember,
        AdminNonMember,
        Anonymous,
    }

    public enum Outcome
    {
        Ok,
        NoSubscription,
        Unauthenticated,
        Forbidden,
        InvalidParams,
        InvalidCall,
        RoomNotAllowed,
        MessageNotAllowed,
        NoSuchChannel,
        NoSuchGroup,
        UserNotInRoom,
    }

    private const Outcome Ok = Outcome.Ok;
    private const Outcome Anon = Outcome.Unauthenticated;

    /// <summary>The contract, one row per endpoint and room type: outcomes for member, non-member, admin non-member, anonymous.</summary>
    private static readonly Dictionary<string, Dictionary<string, Outcome[]>> Contract = new()
    {
        ["video-conference.start"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon],
            d: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon]),
        ["video-conference.join"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon],
            d: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon]),
        // Only a ringing direct call can be cancelled; a group call in a room the caller can see is invalid-call.
        ["video-conference.cancel"] = Row(
            c: [Outcome.InvalidCall, Outcome.InvalidCall, Outcome.InvalidCall, Anon],
            p: [Outcome.InvalidCall, Outcome.InvalidParams, Outcome.InvalidParams, Anon],
            d: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon]),
        ["video-conference.info"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon],
            d: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon]),
        ["video-conference.list"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon],
            d: [Ok, Outcome.InvalidParams, Outcome.InvalidParams, Anon]),
        ["video-conference.providers"] = Row(c: [Ok, Ok, Ok, Anon], p: [Ok, Ok, Ok, Anon], d: [Ok, Ok, Ok, Anon]),
        ["video-conference.capabilities"] = Row(c: [Ok, Ok, Ok, Anon], p: [Ok, Ok, Ok, Anon], d: [Ok, Ok, Ok, Anon]),
        ["rooms.info"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Ok, Outcome.RoomNotAllowed, Outcome.RoomNotAllowed, Anon],
            d: [Ok, Outcome.RoomNotAllowed, Outcome.RoomNotAllowed, Anon]),
        ["subscriptions.getOne"] = Row(
            c: [Ok, Outcome.NoSubscription, Outcome.NoSubscription, Anon],
            p: [Ok, Outcome.NoSubscription, Outcome.NoSubscription, Anon],
            d: [Ok, Outcome.NoSubscription, Outcome.NoSubscription, Anon]),
        ["chat.getMessage"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Ok, Outcome.MessageNotAllowed, Outcome.MessageNotAllowed, Anon],
            d: [Ok, Outcome.MessageNotAllowed, Outcome.MessageNotAllowed, Anon]),
        ["channels.join"] = Row(
            c: [Ok, Ok, Ok, Anon],
            p: [Outcome.NoSuchChannel, Outcome.NoSuchChannel, Outcome.NoSuchChannel, Anon],
            d: [Outcome.NoSuchChannel, Outcome.NoSuchChannel, Outcome.NoSuchChannel, Anon]),
        // The caller must be a member holding add-user-to-joined-room, which a plain member and an outside admin are not
        // (the invited user does not exist, so an allowed invite would answer invalid-user and change nothing).
        ["channels.invite"] = Row(
            c: [Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Anon],
            p: [Outcome.NoSuchChannel, Outcome.NoSuchChannel, Outcome.NoSuchChannel, Anon],
            d: [Outcome.NoSuchChannel, Outcome.NoSuchChannel, Outcome.NoSuchChannel, Anon]),
        ["groups.invite"] = Row(
            c: [Outcome.NoSuchGroup, Outcome.NoSuchGroup, Outcome.NoSuchGroup, Anon],
            p: [Outcome.Forbidden, Outcome.NoSuchGroup, Outcome.NoSuchGroup, Anon],
            d: [Outcome.NoSuchGroup, Outcome.NoSuchGroup, Outcome.NoSuchGroup, Anon]),
        // Kicking a user who is not in the room: user-not-in-room shows the caller held remove-user (admins hold it everywhere).
        ["channels.kick"] = Row(
            c: [Outcome.Forbidden, Outcome.Forbidden, Outcome.UserNotInRoom, Anon],
            p: [Outcome.NoSuchChannel, Outcome.NoSuchChannel, Outcome.NoSuchChannel, Anon],
            d: [Outcome.NoSuchChannel, Outcome.NoSuchChannel, Outcome.NoSuchChannel, Anon]),
        // Groups are never revealed to non-members, admins included.
        ["groups.kick"] = Row(
            c: [Outcome.NoSuchGroup, Outcome.NoSuchGroup, Outcome.NoSuchGroup, Anon],
            p: [Outcome.Forbidden, Outcome.NoSuchGroup, Outcome.NoSuchGroup, Anon],
            d: [Outcome.NoSuchGroup, Outcome.NoSuchGroup, Outcome.NoSuchGroup, Anon]),
    };

    public static TheoryData<string, string, Caller, Outcome> Cells()
    {
        var cells = new TheoryData<string, string, Caller, Outcome>();
        foreach (var (endpoint, rows) in Contract)
        {
            foreach (var (roomType, outcomes) in rows)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    cells.Add(endpoint, roomType, caller, outcomes[(int)caller]);
                }
            }
        }
        return cells;
    }

    [Fact]
    public void Matrix_HasEveryCell()
    {
        Assert.Equal(15 * 3 * 4, Cells().Count());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_ForEachCallerAndRoomType_AnswersAsTheContractSays(string endpoint, string roomType, Caller caller, Outcome expected)
    {
        var cell = await NewCellAsync(roomType);
        var shared = await factory.SharedAsync();
        var client = caller switch
        {
            Caller.Member => cell.Member,
            Caller.NonMember => shared.Outsider,
            Caller.AdminNonMember => shared.Admin,
            _ => factory.CreateApiClient(),
        };

        var response = await SendAsync(client, endpoint, cell);

        AssertOutcome(response, expected, endpoint, cell);
    }

    /// <summary>
    /// A fresh room of the type, owned by one user with one plain member, holding a call (ringing, for a direct room),
    /// and a user who is not in it. The admin and the outsider are in none of these rooms (a cell's own
    /// <c>channels.join</c> puts them only in that cell's room).
    /// </summary>
    private sealed record MatrixCell(ApiClient Member, string RoomId, string CallId, string MessageId, string BystanderId);

    private async Task<MatrixCell> NewCellAsync(string roomType)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var roomId = roomType switch
        {
            "c" => await owner.CreateChannelAsync(member),
            "p" => await owner.CreateGroupAsync(member),
            _ => await owner.CreateDirectAsync(member),
        };
        var callId = await owner.StartCallAsync(roomId, allowRinging: roomType == "d");
        var messageId = (await owner.CallInfoAsync(callId))["messages"]!["started"]!.GetValue<string>();
        return new MatrixCell(member, roomId, callId, messageId, (await factory.SharedAsync()).Bystander.UserId!);
    }

    /// <summary>A user id that belongs to nobody.</summary>
    private const string NoSuchUser = "NoSuchUser0000001";

    private static Task<ApiResponse> SendAsync(ApiClient client, string endpoint, MatrixCell cell) => endpoint switch
    {
        "video-conference.start" => client.PostAsync(endpoint, new { roomId = cell.RoomId }),
        "video-conference.join" or "video-conference.cancel" => client.PostAsync(endpoint, new { callId = cell.CallId }),
        "video-conference.info" => client.GetAsync($"{endpoint}?callId={cell.CallId}"),
        "video-conference.list" or "rooms.info" or "subscriptions.getOne" => client.GetAsync($"{endpoint}?roomId={cell.RoomId}"),
        "video-conference.providers" or "video-conference.capabilities" => client.GetAsync(endpoint),
        "chat.getMessage" => client.GetAsync($"{endpoint}?msgId={cell.MessageId}"),
        "channels.join" => client.PostAsync(endpoint, new { roomId = cell.RoomId }),
        "channels.invite" or "groups.invite" => client.PostAsync(endpoint, new { roomId = cell.RoomId, userId = NoSuchUser }),
        "channels.kick" or "groups.kick" => client.PostAsync(endpoint, new { roomId = cell.RoomId, userId = cell.BystanderId }),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "No request for this endpoint."),
    };

    private static void AssertOutcome(ApiResponse response, Outcome expected, string endpoint, MatrixCell cell)
    {
        switch (expected)
        {
            case Outcome.Ok:
                response.AssertOk();
                AssertSuccessBody(response.Json, endpoint, cell);
                break;
            case Outcome.NoSubscription:
                response.AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
                break;
            case Outcome.Unauthenticated:
                response.AssertNotLoggedIn();
                break;
            case Outcome.Forbidden:
                response.AssertForbidden();
                break;
            case Outcome.InvalidParams:
                response.AssertPlainFailure("invalid-params");
                break;
            case Outcome.InvalidCall:
                response.AssertPlainFailure("invalid-call");
                break;
            case Outcome.RoomNotAllowed:
                response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
                break;
            case Outcome.MessageNotAllowed:
                response.AssertPlainFailure("error-not-allowed");
                break;
            case Outcome.NoSuchChannel or Outcome.NoSuchGroup:
                var noun = expected == Outcome.NoSuchChannel ? "channel" : "group";
                response.AssertFailureWithReason("error-room-not-found", $"The required \"roomId\" or \"roomName\" param provided does not match any {noun}");
                break;
            case Outcome.UserNotInRoom:
                response.AssertFailureWithReason("error-user-not-in-room", "User is not in this room");
                break;
        }
    }

    /// <summary>The success body is the one asked for: the cell's call, room or message.</summary>
    private static void AssertSuccessBody(JsonNode body, string endpoint, MatrixCell cell)
    {
        switch (endpoint)
        {
            case "video-conference.start":
                Assert.Equal(cell.RoomId, body["data"]!["rid"]!.GetValue<string>());
                break;
            case "video-conference.join":
                Assert.StartsWith("https://", body["url"]!.GetValue<string>(), StringComparison.Ordinal);
                break;
            case "video-conference.info":
                Assert.Equal(cell.CallId, body["_id"]!.GetValue<string>());
                break;
            case "video-conference.list":
                Assert.Contains(cell.CallId, body["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
                break;
            case "rooms.info":
                Assert.Equal(cell.RoomId, body["room"]!["_id"]!.GetValue<string>());
                break;
            case "subscriptions.getOne":
                Assert.Equal(cell.RoomId, body["subscription"]!["rid"]!.GetValue<string>());
                break;
            case "chat.getMessage":
                Assert.Equal(cell.MessageId, body["message"]!["_id"]!.GetValue<string>());
                break;
            case "channels.join":
                Assert.Equal(cell.RoomId, body["channel"]!["_id"]!.GetValue<string>());
                break;
        }
    }

    private static Dictionary<string, Outcome[]> Row(Outcome[] c, Outcome[] p, Outcome[] d) => new() { ["c"] = c, ["p"] = p, ["d"] = d };
}
