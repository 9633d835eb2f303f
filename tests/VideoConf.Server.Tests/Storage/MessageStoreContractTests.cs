using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Storage.StoreRecords;

namespace VideoConf.Server.Tests.Storage;

/// <summary>The <see cref="IMessageStore"/> contract, the same cases on every backend.</summary>
[Trait("Category", "Contract")]
public sealed class MessageStoreContractTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Insert_ThenFind_ReturnsTheMessageAsStored_AndCountsItInItsRoom(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (author, room) = await stores.AddChannelAsync();
        var plain = Message(room, author);
        var withBlocks = Message(room, author, "videoconf", """[{"type":"video_conf","blockId":"b1"}]""") with { UpdatedAt = Now.AddSeconds(2) };

        await stores.Messages.InsertAsync(plain);
        await stores.Messages.InsertAsync(withBlocks);

        Assert.Equal(plain, await stores.Messages.FindByIdAsync(plain.Id));
        Assert.Equal(withBlocks, await stores.Messages.FindByIdAsync(withBlocks.Id));
        Assert.Null(await stores.Messages.FindByIdAsync(Ids.NewId()));
        Assert.Equal(room with { Msgs = 2, UpdatedAt = withBlocks.UpdatedAt }, await stores.Rooms.FindByIdAsync(room.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task MessagesInsertedInParallel_AreAllCounted(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var (author, room) = await stores.AddChannelAsync();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => stores.Messages.InsertAsync(Message(room, author)))));

        Assert.Equal(40, (await stores.Rooms.FindByIdAsync(room.Id))!.Msgs);
    }
}
