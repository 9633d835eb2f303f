using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Every paging rule of §5 on <c>video-conference.list</c>, over a room of 105 calls.</summary>
public sealed class ListPagingTests(PagedRoomFixture room) : IClassFixture<PagedRoomFixture>
{
    private const int Total = PagedRoomFixture.CallCount;

    [Fact]
    public async Task List_WithoutCount_ReturnsTheDefault50NewestFirst()
    {
        var page = await ListAsync(string.Empty);

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(50));
    }

    [Fact]
    public async Task List_WithAnEmptyCount_TreatsItAsAbsent()
    {
        var page = await ListAsync("&count=");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(50));
    }

    [Fact]
    public async Task List_WithCountAboveTheCap_Returns100()
    {
        var page = await ListAsync("&count=1000");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(100));
    }

    [Fact]
    public async Task List_WithAFractionalCount_TruncatesIt()
    {
        var page = await ListAsync("&count=2.9");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(2));
    }

    [Fact]
    public async Task List_WithAnExponentCount_ReadsItAsANumber()
    {
        var page = await ListAsync("&count=1e2");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(100));
    }

    [Fact]
    public async Task List_WithCountZero_ReturnsEveryCall()
    {
        var page = await ListAsync("&count=0");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst);
    }

    [Fact]
    public async Task List_WithCountBelowOne_ReturnsEveryCall()
    {
        var page = await ListAsync("&count=0.5");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst);
    }

    [Fact]
    public async Task List_WithCountZeroAndAnOffset_ReturnsTheRest()
    {
        var page = await ListAsync("&count=0&offset=100");

        AssertPage(page, offset: 100, expectedIds: room.NewestFirst.Skip(100));
    }

    [Fact]
    public async Task List_WithANegativeCount_ReturnsItsMagnitude()
    {
        var page = await ListAsync("&count=-3");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(3));
    }

    [Fact]
    public async Task List_WithALargeNegativeCount_ReturnsAtMostTheCap()
    {
        var page = await ListAsync("&count=-1000");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(100));
    }

    [Fact]
    public async Task List_WithACountBeyondTheIntegerRange_IsClampedToTheCap()
    {
        var page = await ListAsync("&count=99999999999999");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(100));
    }

    [Fact]
    public async Task List_WithANegativeOffset_StartsAtZero()
    {
        var page = await ListAsync("&offset=-5&count=3");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(3));
    }

    [Fact]
    public async Task List_WithAnOffset_SkipsTheNewest()
    {
        var page = await ListAsync("&offset=10&count=5");

        AssertPage(page, offset: 10, expectedIds: room.NewestFirst.Skip(10).Take(5));
    }

    [Fact]
    public async Task List_WithAFractionalOffset_TruncatesIt()
    {
        var page = await ListAsync("&offset=10.9&count=2");

        AssertPage(page, offset: 10, expectedIds: room.NewestFirst.Skip(10).Take(2));
    }

    [Fact]
    public async Task List_WithAnOffsetNearTheEnd_ReturnsTheOldest()
    {
        var page = await ListAsync("&offset=103&count=10");

        AssertPage(page, offset: 103, expectedIds: room.NewestFirst.Skip(103));
    }

    [Fact]
    public async Task List_WithAnOffsetPastTheEnd_ReturnsNothingButTheTotal()
    {
        var page = await ListAsync("&offset=105");

        AssertPage(page, offset: 105, expectedIds: []);
    }

    [Fact]
    public async Task List_WithAHugeOffset_ClampsItAndReturnsNothing()
    {
        var page = await ListAsync("&offset=99999999999999");

        AssertPage(page, offset: int.MaxValue, expectedIds: []);
    }

    [Fact]
    public async Task List_WithOneItem_StillCountsEveryCallInTotal()
    {
        var page = await ListAsync("&count=1");

        AssertPage(page, offset: 0, expectedIds: room.NewestFirst.Take(1));
        Assert.Equal(Total, page.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_ReturnsCreatedAtDescending()
    {
        var page = await ListAsync("&count=0");

        var createdAt = page.Json["data"]!.AsArray().Select(c => DateTime.Parse(c!["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(createdAt.OrderByDescending(d => d), createdAt);
        Assert.True(createdAt[0] > createdAt[^1]);
    }

    [Fact]
    public async Task List_WithANonNumericCount_ReturnsMustBeNumber()
    {
        var response = await room.Owner.GetAsync($"video-conference.list?roomId={room.RoomId}&count=abc");

        response.AssertBody(HttpStatusCode.BadRequest,
            """{"success":false,"error":"must be number [invalid-params]","errorType":"invalid-params"}""");
    }

    [Fact]
    public async Task List_WithANonNumericOffset_ReturnsMustBeNumber()
    {
        var response = await room.Owner.GetAsync($"video-conference.list?roomId={room.RoomId}&offset=ten");

        response.AssertInvalidParams("must be number");
    }

    [Fact]
    public async Task List_WithCountGivenTwice_ReturnsMustBeNumber()
    {
        var response = await room.Owner.GetAsync($"video-conference.list?roomId={room.RoomId}&count=1&count=2");

        response.AssertInvalidParams("must be number");
    }

    [Fact]
    public async Task List_WithRoomIdGivenTwice_ReturnsMustBeString()
    {
        var response = await room.Owner.GetAsync($"video-conference.list?roomId={room.RoomId}&roomId={room.RoomId}");

        response.AssertInvalidParams("must be string");
    }

    private async Task<ApiResponse> ListAsync(string query)
    {
        var response = await room.Owner.GetAsync($"video-conference.list?roomId={room.RoomId}{query}");
        response.AssertOk();
        return response;
    }

    private static void AssertPage(ApiResponse page, int offset, IEnumerable<string> expectedIds)
    {
        var expected = expectedIds.ToList();
        var body = page.Json.AsObject();
        Assert.Equal(["data", "offset", "count", "total", "success"], body.Select(p => p.Key));
        Assert.Equal(expected, body["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
        Assert.Equal(offset, body["offset"]!.GetValue<int>());
        Assert.Equal(expected.Count, body["count"]!.GetValue<int>());
        Assert.Equal(Total, body["total"]!.GetValue<int>());
    }
}
