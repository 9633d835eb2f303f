using System.Text.Json.Nodes;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Storage.StoreRecords;

namespace VideoConf.Server.Tests.Storage;

/// <summary>
/// The <see cref="ICallStore"/> contract, the same cases on every backend: insert with its start message, find, pages
/// and streams newest first, the room's total and version, changes applied one at a time, and the sweeps' queries.
/// </summary>
[Trait("Category", "Contract")]
public sealed class CallStoreContractTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Insert_NumbersCallsInTheirRoom_AndFindReturnsThemAsStored(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var (_, otherRoom) = await stores.AddChannelAsync();
        var first = Call(room, owner);
        var ringing = Ringing(room, owner, owner, Now.AddSeconds(40));

        var stored = new[]
        {
            await stores.Calls.InsertAsync(first, StartMessage(first)),
            await stores.Calls.InsertAsync(ringing, StartMessage(ringing)),
            await stores.Calls.InsertAsync(Call(otherRoom, owner), StartMessage(Call(otherRoom, owner))),
        };

        Assert.Equal([1L, 2L, 1L], stored.Select(c => c.Seq));
        AssertSame(first with { Seq = 1 }, await stores.Calls.FindByIdAsync(first.Id));
        // The private fields (callee, ringing deadline, provider data) are kept beside the public record.
        AssertSame(ringing with { Seq = 2 }, await stores.Calls.FindByIdAsync(ringing.Id));
        Assert.Null(await stores.Calls.FindByIdAsync(Ids.NewObjectId(Now)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Insert_StoresTheStartMessage_AndCountsItInTheRoom(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var call = Call(room, owner);
        var message = StartMessage(call);

        await stores.Calls.InsertAsync(call, message);

        Assert.Equal(message, await stores.Messages.FindByIdAsync(message.Id));
        Assert.Equal(1, (await stores.Rooms.FindByIdAsync(room.Id))!.Msgs);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ReadPage_IsNewestFirst_SeeksPastTheOffset_AndReadsTheTotal(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var ids = await InsertCallsAsync(stores, room, owner, 7);
        var newestFirst = Enumerable.Reverse(ids).ToList();

        await AssertPageAsync(stores, room.Id, offset: 0, limit: 3, total: 7, newestFirst[..3]);
        await AssertPageAsync(stores, room.Id, offset: 3, limit: 3, total: 7, newestFirst[3..6]);
        await AssertPageAsync(stores, room.Id, offset: 6, limit: 3, total: 7, newestFirst[6..]);
        await AssertPageAsync(stores, room.Id, offset: 7, limit: 3, total: 7, []);
        await AssertPageAsync(stores, room.Id, offset: 0, limit: 100, total: 7, newestFirst);
        await AssertPageAsync(stores, Ids.NewId(), offset: 0, limit: 3, total: 0, []);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Stream_GivesEveryCallBelowTheOffsetNewestFirst_AndTheTotalFirst(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var ids = await InsertCallsAsync(stores, room, owner, 5);

        var (total, streamed) = await StreamAsync(stores, room.Id, offset: 1);
        var (pastTheEnd, none) = await StreamAsync(stores, room.Id, offset: 5);
        var (empty, nothing) = await StreamAsync(stores, Ids.NewId(), offset: 0);

        Assert.Equal(5, total);
        Assert.Equal(Enumerable.Reverse(ids).Skip(1), streamed);
        Assert.Equal((5L, 0), (pastTheEnd, none.Count));
        Assert.Equal((0L, 0), (empty, nothing.Count));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task RoomStamp_CountsTheCalls_AndItsVersionMovesWithEveryInsertAndChange(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        Assert.Null(await stores.Calls.ReadRoomStampAsync(room.Id));

        var ids = await InsertCallsAsync(stores, room, owner, 2);
        var afterInserts = await stores.Calls.ReadRoomStampAsync(room.Id);
        await stores.Calls.UpdateAsync(ids[0], call => ((CallRecord?)null, "unchanged"));
        var afterNoChange = await stores.Calls.ReadRoomStampAsync(room.Id);
        await stores.Calls.UpdateAsync(ids[0], call => (call with { Title = "renamed" }, "changed"));
        var afterChange = await stores.Calls.ReadRoomStampAsync(room.Id);

        Assert.Equal(2, afterInserts!.Total);
        Assert.Equal(afterInserts, afterNoChange);
        Assert.Equal(2, afterChange!.Total);
        Assert.True(afterChange.Version > afterInserts.Version, $"{afterInserts} then {afterChange}");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Update_StoresTheNewRecordEverywhere_AndReturnsTheOutcome(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var call = Ringing(room, owner, owner, Now.AddSeconds(40));
        var stored = await stores.Calls.InsertAsync(call, StartMessage(call));
        var ended = stored with
        {
            Status = CallStatus.Declined,
            Ringing = false,
            EndedAt = Now.AddSeconds(3),
            EndedBy = stored.CreatedBy,
            UpdatedAt = Now.AddSeconds(3),
            RingingUntil = null,
            ProviderData = null,
        };

        var result = await stores.Calls.UpdateAsync(call.Id, current => (ended, current.Status));

        Assert.NotNull(result);
        Assert.True(result.Changed);
        Assert.Equal(CallStatus.Calling, result.Outcome);
        AssertSame(ended, result.Call);
        AssertSame(ended, await stores.Calls.FindByIdAsync(call.Id));
        var listed = JsonNode.Parse(Assert.Single((await PageJsonAsync(stores, room.Id, 0, 10)).Json))!;
        Assert.Equal(CallStatus.Declined, listed["status"]!.GetValue<int>());
        Assert.Equal(WireFormat.Date(Now.AddSeconds(3)), listed["endedAt"]!.GetValue<string>());
        Assert.Empty(await stores.Calls.FindRingingDueAsync(Now.AddDays(1), 10));
        Assert.Empty(await stores.Calls.FindUnendedCreatedBeforeAsync(Now.AddDays(1), 10));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Update_ThatChangesNothing_KeepsTheRecord_AndOfAnUnknownCallIsNull(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var call = Call(room, owner);
        var stored = await stores.Calls.InsertAsync(call, StartMessage(call));

        var unchanged = await stores.Calls.UpdateAsync(call.Id, current => ((CallRecord?)null, "kept"));
        var calls = 0;
        var unknown = await stores.Calls.UpdateAsync(Ids.NewObjectId(Now), current =>
        {
            calls++;
            return (current, "never");
        });

        Assert.NotNull(unchanged);
        Assert.False(unchanged.Changed);
        Assert.Equal("kept", unchanged.Outcome);
        AssertSame(stored, unchanged.Call);
        AssertSame(stored, await stores.Calls.FindByIdAsync(call.Id));
        Assert.Null(unknown);
        Assert.Equal(0, calls);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ParallelUpdates_OfOneCall_AreAppliedOneAfterAnother(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var call = Call(room, owner);
        await stores.Calls.InsertAsync(call, StartMessage(call));
        var joiners = Enumerable.Range(0, 30).Select(_ => User()).ToList();

        await Task.WhenAll(joiners.Select(user => Task.Run(() =>
            stores.Calls.UpdateAsync(call.Id, current => (current with { Users = [.. current.Users, Joined(user, Now)] }, true)))));

        var joined = (await stores.Calls.FindByIdAsync(call.Id))!.Users;
        Assert.Equal(joiners.Select(u => u.Id).Order(StringComparer.Ordinal), joined.Select(u => u.Id).Order(StringComparer.Ordinal));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ConditionalUpdate_RacedByManyCallers_SucceedsForExactlyOne(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        for (var trial = 0; trial < 5; trial++)
        {
            var call = Call(room, owner);
            await stores.Calls.InsertAsync(call, StartMessage(call));

            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
                stores.Calls.UpdateAsync(call.Id, current => current.IsEnded
                    ? ((CallRecord?)null, false)
                    : (current with { Status = CallStatus.Ended, EndedAt = Now.AddSeconds(i + 1), UpdatedAt = Now.AddSeconds(i + 1) }, true)))));

            Assert.Equal(1, results.Count(r => r!.Outcome));
            Assert.Equal(1, results.Count(r => r!.Changed));
            var winner = results.Single(r => r!.Outcome)!.Call;
            AssertSame(winner, await stores.Calls.FindByIdAsync(call.Id));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task FindRingingDue_ListsOnlyCallsWhoseRingingRanOut_AtMostMax(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var due = new[] { Ringing(room, owner, owner, Now.AddSeconds(10)), Ringing(room, owner, owner, Now.AddSeconds(20)) };
        var later = Ringing(room, owner, owner, Now.AddSeconds(21));
        foreach (var call in due.Append(later).Append(Call(room, owner)))
        {
            await stores.Calls.InsertAsync(call, StartMessage(call));
        }

        var found = await stores.Calls.FindRingingDueAsync(Now.AddSeconds(20), max: 10);
        var capped = await stores.Calls.FindRingingDueAsync(Now.AddSeconds(20), max: 1);

        Assert.Equal(due.Select(c => c.Id).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Contains(Assert.Single(capped), due.Select(c => c.Id));
        Assert.Empty(await stores.Calls.FindRingingDueAsync(Now.AddSeconds(9), max: 10));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task FindUnendedCreatedBefore_SkipsEndedAndNewerCalls_AtMostMax(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var old = new[] { Call(room, owner, Now.AddHours(-30)), Call(room, owner, Now.AddHours(-24)) };
        var ended = Call(room, owner, Now.AddHours(-40)) with { Status = CallStatus.Ended, EndedAt = Now.AddHours(-39) };
        var recent = Call(room, owner, Now.AddHours(-23));
        foreach (var call in old.Append(ended).Append(recent))
        {
            await stores.Calls.InsertAsync(call, StartMessage(call));
        }

        var found = await stores.Calls.FindUnendedCreatedBeforeAsync(Now.AddHours(-24), max: 10);
        var capped = await stores.Calls.FindUnendedCreatedBeforeAsync(Now.AddHours(-24), max: 1);

        Assert.Equal(old.Select(c => c.Id).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Contains(Assert.Single(capped), old.Select(c => c.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task BulkInsert_NumbersAfterTheRoomsLastCall_WithoutStartMessages(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (owner, room) = await stores.AddChannelAsync();
        var first = (await InsertCallsAsync(stores, room, owner, 1))[0];
        var before = await stores.Calls.ReadRoomStampAsync(room.Id);
        var imported = Enumerable.Range(0, 4).Select(_ => Call(room, owner)).ToList();

        await stores.Calls.BulkInsertAsync(room.Id, imported);

        var after = await stores.Calls.ReadRoomStampAsync(room.Id);
        Assert.Equal(5, after!.Total);
        Assert.True(after.Version > before!.Version, $"{before} then {after}");
        var numbers = await Task.WhenAll(imported.Select(async c => (await stores.Calls.FindByIdAsync(c.Id))!.Seq));
        Assert.Equal(new long[] { 2, 3, 4, 5 }, numbers);
        await AssertPageAsync(stores, room.Id, offset: 0, limit: 10, total: 5, [.. Enumerable.Reverse(imported).Select(c => c.Id), first]);
        Assert.Equal(1, (await stores.Rooms.FindByIdAsync(room.Id))!.Msgs);
        Assert.Null(await stores.Messages.FindByIdAsync(imported[0].StartedMessageId));
    }

    /// <summary>Inserts <paramref name="count"/> calls one after another; returns their ids, oldest first.</summary>
    private static async Task<List<string>> InsertCallsAsync(TestStores stores, RoomRecord room, UserRecord owner, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var call = Call(room, owner, Now.AddSeconds(i));
            await stores.Calls.InsertAsync(call, StartMessage(call));
            ids.Add(call.Id);
        }
        return ids;
    }

    private static async Task<(long Total, List<string> Json)> PageJsonAsync(TestStores stores, string roomId, int offset, int limit)
    {
        var json = new List<string>();
        var total = await stores.Calls.ReadPageJsonAsync(roomId, offset, limit, bytes => json.Add(System.Text.Encoding.UTF8.GetString(bytes)));
        return (total, json);
    }

    /// <summary>Reads one page and checks the total and the ids in the calls' stored JSON, in order.</summary>
    private static async Task AssertPageAsync(TestStores stores, string roomId, int offset, int limit, long total, List<string> ids)
    {
        var page = await PageJsonAsync(stores, roomId, offset, limit);
        Assert.Equal(total, page.Total);
        Assert.Equal(ids, page.Json.Select(IdOf));
    }

    private static async Task<(long Total, List<string> Ids)> StreamAsync(TestStores stores, string roomId, int offset)
    {
        var total = new StreamTotal();
        var ids = new List<string>();
        await foreach (var json in stores.Calls.StreamRoomJsonAsync(roomId, offset, total))
        {
            ids.Add(IdOf(System.Text.Encoding.UTF8.GetString(json.Span)));
        }
        return (total.Total, ids);
    }

    private static string IdOf(string callJson) => JsonNode.Parse(callJson)!["_id"]!.GetValue<string>();
}
