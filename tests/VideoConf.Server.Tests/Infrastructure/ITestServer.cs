namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// A running server the tests talk to through HTTP: in-process (<see cref="VideoConfFactory"/>) or as its own process
/// (<see cref="ServerProcess"/>). The set-up steps (<see cref="TestAccounts"/>, <see cref="TestSettings"/>) work on either.
/// </summary>
public interface ITestServer
{
    /// <summary>A new client with no credentials.</summary>
    ApiClient CreateApiClient();
}
