using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Storage.StoreRecords;

namespace VideoConf.Server.Tests.Storage;

/// <summary>The <see cref="IUserStore"/> contract, the same cases on every backend.</summary>
[Trait("Category", "Contract")]
public sealed class UserStoreContractTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Create_ThenFind_ByIdByUsernameInAnyCaseAndByEmail_ReturnsTheUserAsStored(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var user = User("Mixed", "user", "bot");

        Assert.Equal(CreateUserOutcome.Created, await stores.Users.CreateAsync(user));

        AssertSame(user, await stores.Users.FindByIdAsync(user.Id));
        AssertSame(user, await stores.Users.FindByUsernameAsync(user.Username.ToUpperInvariant()));
        AssertSame(user, await stores.Users.FindByEmailAsync(user.Email!));
        Assert.Null(await stores.Users.FindByIdAsync(Ids.NewId()));
        Assert.Null(await stores.Users.FindByUsernameAsync("nobody-by-this-name"));
        Assert.Null(await stores.Users.FindByEmailAsync("nobody@videoconf.test"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Create_WithAUsernameTakenInAnotherCase_IsUsernameTaken_AndStoresNothing(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var first = await stores.AddUserAsync("taken");
        var second = User() with { Username = first.Username.ToUpperInvariant() };

        Assert.Equal(CreateUserOutcome.UsernameTaken, await stores.Users.CreateAsync(second));

        Assert.Null(await stores.Users.FindByIdAsync(second.Id));
        Assert.Null(await stores.Users.FindByEmailAsync(second.Email!));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Create_WithATakenEmail_IsEmailTaken_AndStoresNothing(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var first = await stores.AddUserAsync();
        var second = User() with { Email = first.Email };

        Assert.Equal(CreateUserOutcome.EmailTaken, await stores.Users.CreateAsync(second));

        Assert.Null(await stores.Users.FindByIdAsync(second.Id));
        Assert.Null(await stores.Users.FindByUsernameAsync(second.Username));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task CreateInParallel_WithOneUsername_CreatesExactlyOne(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var username = UniqueName.For("race");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => stores.Users.CreateAsync(User() with { Username = username }))));

        Assert.Equal(1, outcomes.Count(o => o == CreateUserOutcome.Created));
        Assert.All(outcomes.Where(o => o != CreateUserOutcome.Created), o => Assert.Equal(CreateUserOutcome.UsernameTaken, o));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task FindByUsernames_MatchesAnyCase_ReturnsEachUserOnce_AndTakesMoreNamesThanOneStatementHolds(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var users = new[] { await stores.AddUserAsync(), await stores.AddUserAsync(), await stores.AddUserAsync() };
        var unknown = Enumerable.Range(0, 40_000).Select(i => $"unknown-{i}");
        string[] names = [users[0].Username.ToUpperInvariant(), users[0].Username, .. unknown, users[1].Username, users[2].Username];

        var found = await stores.Users.FindByUsernamesAsync(names);

        Assert.Equal(users.Select(u => u.Id).Order(StringComparer.Ordinal), found.Select(u => u.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await stores.Users.FindByUsernamesAsync(["unknown-1", "unknown-2"]));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AnyWithRole_MatchesWholeRoleNamesOnly(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        Assert.False(await stores.Users.AnyWithRoleAsync("admin"));

        await stores.AddUserAsync("boss", "admin", "user");

        Assert.True(await stores.Users.AnyWithRoleAsync("admin"));
        Assert.True(await stores.Users.AnyWithRoleAsync("user"));
        Assert.False(await stores.Users.AnyWithRoleAsync("adm"));
        Assert.False(await stores.Users.AnyWithRoleAsync("bot"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SetStatus_ChangesTheStatusAndItsTime(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var user = await stores.AddUserAsync();
        var later = Now.AddMinutes(3);

        await stores.Users.SetStatusAsync(user.Id, "online", later);

        AssertSame(user with { Status = "online", UpdatedAt = later }, await stores.Users.FindByIdAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Tokens_FindTheirUser_UntilRemovedByThatUser(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var user = await stores.AddUserAsync();
        var other = await stores.AddUserAsync();
        var token = new LoginTokenRecord(TestAccounts.StoredTokenForm("token-1"), user.Id, LoginTokenRecord.LoginKind, null, Now);
        var second = token with { HashedToken = TestAccounts.StoredTokenForm("token-2") };
        await stores.Users.AddTokenAsync(token);
        await stores.Users.AddTokenAsync(second);

        AssertSame(user, await stores.Users.FindByTokenAsync(token.HashedToken));
        Assert.False(await stores.Users.RemoveTokenAsync(other.Id, token.HashedToken));
        AssertSame(user, await stores.Users.FindByTokenAsync(token.HashedToken));

        Assert.True(await stores.Users.RemoveTokenAsync(user.Id, token.HashedToken));

        Assert.Null(await stores.Users.FindByTokenAsync(token.HashedToken));
        Assert.False(await stores.Users.RemoveTokenAsync(user.Id, token.HashedToken));
        AssertSame(user, await stores.Users.FindByTokenAsync(second.HashedToken));
        Assert.Null(await stores.Users.FindByTokenAsync(TestAccounts.StoredTokenForm("never-issued")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task PersonalTokens_AreUniquePerUserAndName(StoreBackend backend)
    {
        await using var stores = await TestStores.OpenAsync(backend);
        var user = await stores.AddUserAsync();
        var other = await stores.AddUserAsync();
        LoginTokenRecord Personal(UserRecord owner, string raw) =>
            new(TestAccounts.StoredTokenForm(raw), owner.Id, LoginTokenRecord.PersonalKind, "deploy", Now);

        Assert.True(await stores.Users.AddPersonalTokenAsync(Personal(user, "pat-1")));
        Assert.False(await stores.Users.AddPersonalTokenAsync(Personal(user, "pat-2")));
        Assert.True(await stores.Users.AddPersonalTokenAsync(Personal(other, "pat-3")));

        AssertSame(user, await stores.Users.FindByTokenAsync(TestAccounts.StoredTokenForm("pat-1")));
        Assert.Null(await stores.Users.FindByTokenAsync(TestAccounts.StoredTokenForm("pat-2")));
        AssertSame(other, await stores.Users.FindByTokenAsync(TestAccounts.StoredTokenForm("pat-3")));
    }
}
