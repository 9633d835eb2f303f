namespace VideoConf.Server.Providers;

/// <summary>
/// Creates the meeting on the provider's server before a join URL is handed out, for providers that need it
/// (BigBlueButton's <c>create</c>), bounded by a 5-second timeout. Any failure means the URL cannot be handed out.
/// </summary>
internal sealed partial class MeetingCreator(IHttpClientFactory clients, ILogger<MeetingCreator> logger)
{
    public const string HttpClientName = "providers";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<bool> CreateAsync(Uri request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode && body.Contains("<returncode>SUCCESS</returncode>", StringComparison.Ordinal))
            {
                return true;
            }
            LogRefused(logger, request.Host, (int)response.StatusCode);
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, request.Host, ex.GetType().Name);
            return false;
        }
    }

    // Only the host is logged: the query carries a checksum derived from the shared secret.
    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Provider server {Host} refused to prepare a meeting (HTTP {Status})")]
    private static partial void LogRefused(ILogger logger, string host, int status);

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Provider server {Host} could not be reached ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string host, string error);
}
