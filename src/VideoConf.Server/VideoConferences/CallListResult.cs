namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Sends a <see cref="CallListPage"/> as the <c>list</c> answer: the stored calls' bytes go to the response as
/// they are, with the document's length when it is known.
/// </summary>
internal sealed class CallListResult(CallListPage page) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (page)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            if (page.Length is { } length)
            {
                response.ContentLength = length;
                await response.Body.WriteAsync(page.Document, httpContext.RequestAborted);
            }
            else
            {
                await page.StreamAsync(response.BodyWriter, httpContext.RequestAborted);
            }
        }
    }
}
